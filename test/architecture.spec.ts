import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The rules of docs/architecture.md that the import rules cannot see, checked against the code:
 * one owning lib per table, one layout per use case, and an index.ts that says what its lib is for
 * and exports only what others use.
 */
const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const sourceFiles = [...filesUnder('libs'), ...filesUnder('apps')].filter(
  (file) => file.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(file),
);
const libOf = (file: string) => (file.startsWith('libs/') ? file.split('/')[1] : `app ${file.split('/')[1]}`);

/** The ownership table of docs/architecture.md: table → owning lib. */
function documentedOwners(): Map<string, string> {
  const section = read('docs/architecture.md').split('### One owner per table')[1]?.split('\n### ')[0] ?? '';
  const owners = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !cells[1].startsWith('`')) continue;
    for (const [, table] of cells[1].matchAll(/`([a-z_]+)`/g)) owners.set(table, cells[2]);
  }
  return owners;
}

function createdTables(): Set<string> {
  const migrations = filesUnder('libs/database/src/migrations').map(read).join('\n');
  // (Every `down` drops what its `up` created; no migration drops a table for good yet.)
  return new Set([...migrations.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)].map((m) => m[1]));
}

/** The tables a piece of code names in SQL (after FROM, JOIN, INTO, UPDATE, USING). */
export function tablesNamedIn(code: string, tables: Iterable<string>): Set<string> {
  const names = [...tables].join('|');
  const pattern = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|USING|TABLE)\\s+(${names})\\b`, 'g');
  return new Set([...code.matchAll(pattern)].map((m) => m[1]));
}

describe('one owner per table', () => {
  const owners = documentedOwners();

  it('documents an owner for exactly the tables the migrations create', () => {
    expect([...owners.keys()].sort()).toEqual([...createdTables()].sort());
    const libs = new Set(readdirSync(join(root, 'libs')));
    for (const owner of owners.values()) expect(libs).toContain(owner);
  });

  it('finds a table named in SQL (the check itself can fail)', () => {
    const code = 'sql`SELECT 1 FROM signals s JOIN organisations o ON true`; update(); INSERT INTO outbox';
    expect([...tablesNamedIn(code, owners.keys())].sort()).toEqual(['organisations', 'outbox', 'signals']);
    expect([...tablesNamedIn('the signals of a match', owners.keys())]).toEqual([]);
  });

  it("lets no lib or app name another lib's table in its SQL (migrations aside)", () => {
    const trespasses = sourceFiles
      .filter((file) => !file.startsWith('libs/database/'))
      .flatMap((file) =>
        [...tablesNamedIn(read(file), owners.keys())]
          .filter((table) => owners.get(table) !== libOf(file))
          .map((table) => `${file}: ${table} (owned by ${owners.get(table)})`),
      );
    expect(trespasses).toEqual([]);
  });
});

describe('one layout per use case', () => {
  it('keeps each command and query handler in a folder of its own, named after it', () => {
    const misplaced = sourceFiles.flatMap((file) => {
      const code = read(file);
      const kinds = [...code.matchAll(/@(Command|Query)Handler\(/g)].map((m) => m[1].toLowerCase());
      if (kinds.length === 0) return [];
      const folder = kinds[0] === 'command' ? 'commands' : 'queries';
      const fits = kinds.length === 1 && new RegExp(`/${folder}/([a-z-]+)/\\1\\.handler\\.ts$`).test(file);
      return fits ? [] : [file];
    });
    expect(misplaced).toEqual([]);
  });

  it('keeps controllers in controllers/, taking nothing but the command and query buses', () => {
    const wrong = sourceFiles
      .filter((file) => file.startsWith('libs/') && /@Controller\(/.test(read(file)))
      .flatMap((file) => {
        const code = read(file);
        const injected = [...code.matchAll(/private readonly \w+: (\w+)/g)].map((m) => m[1]);
        const problems = [];
        if (!/\/controllers\/[a-z-]+\.controller\.ts$/.test(file)) problems.push(`${file}: not in controllers/`);
        for (const type of injected.filter((t) => t !== 'CommandBus' && t !== 'QueryBus'))
          problems.push(`${file}: takes ${type}`);
        return problems;
      });
    expect(wrong).toEqual([]);
  });
});

describe('one source of now', () => {
  it("takes the database's clock only through databaseNow, where it is deliberate", () => {
    const bare = sourceFiles
      .filter((file) => !file.startsWith('libs/database/'))
      .filter((file) => /(?<![.\w$])now\(\)(?!\s*:)/.test(read(file)));
    expect(bare).toEqual([]);
  });
});

describe("a lib's index.ts", () => {
  const libs = readdirSync(join(root, 'libs'));
  const everywhere = [...filesUnder('libs'), ...filesUnder('apps'), ...filesUnder('test'), ...filesUnder('bench')]
    .filter((file) => /\.(ts|js)$/.test(file))
    .map((file) => ({ file, code: read(file) }));

  it('opens with one line that says what the lib is for', () => {
    const silent = libs.filter((lib) => !/^\/\*\* [^\n]+ \*\/\n/.test(read(`libs/${lib}/src/index.ts`)));
    expect(silent).toEqual([]);
  });

  it('exports only what is used outside the lib', () => {
    const unused = libs.flatMap((lib) => {
      const index = read(`libs/${lib}/src/index.ts`);
      const names = [...index.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
        m[1]
          .split(',')
          .map((name) => name.trim().replace(/^type /, ''))
          .filter(Boolean),
      );
      const users = everywhere.filter(
        ({ file, code }) =>
          !relative('libs', file).startsWith(`${lib}/`) &&
          (code.includes(`'@vir/${lib}'`) || code.includes(`libs/${lib}/src'`)),
      );
      return names
        .filter((name) => !users.some(({ code }) => new RegExp(`\\b${name}\\b`).test(code)))
        .map((name) => `@vir/${lib}: ${name}`);
    });
    expect(unused).toEqual([]);
  });
});
