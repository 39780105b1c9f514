import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { DataSource } from 'typeorm';
import { postgresOptions } from '../libs/database/src/data-source-options';
import { ROOT } from './support/processes';

const run = promisify(execFile);

type Service = { command?: string[]; environment?: Record<string, string>; volumes?: string[] };

/** YAML merge keys (`<<: *anchor`), as Docker Compose applies them: own keys win. */
function resolveMerges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveMerges);
  if (!value || typeof value !== 'object') return value;
  const { '<<': merged, ...own } = value as Record<string, unknown>;
  const base = merged ? (resolveMerges(merged) as Record<string, unknown>) : {};
  return { ...base, ...Object.fromEntries(Object.entries(own).map(([k, v]) => [k, resolveMerges(v)])) };
}

/**
 * The Docker deployment cannot be started here (no Docker engine), so what it promises is checked
 * in its files, and its database init script is run against the test PostgreSQL.
 */
describe('the Docker deployment', () => {
  const compose = resolveMerges(load(readFileSync(join(ROOT, 'docker/compose.yaml'), 'utf8'))) as {
    services: Record<string, Service>;
  };
  const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
  const env = (service: string) => compose.services[service].environment ?? {};
  const user = (url: string) => /^postgres:\/\/([^:@]+)/.exec(url)?.[1];

  it('probes each container on its own process: the worker on its health port, the api on its port', () => {
    expect(dockerfile).toMatch(/HEALTHCHECK .*process\.env\.HEALTH_PORT\|\|process\.env\.PORT/);
    expect(env('worker').HEALTH_PORT).toBe(env('worker').WORKER_HEALTH_PORT);
    expect(env('api').HEALTH_PORT).toBeUndefined();
  });

  it('runs migrations as the schema owner and api and worker as the least-privilege role', () => {
    expect(user(env('migrate').DATABASE_URL)).toBe(env('postgres').POSTGRES_USER);
    expect(env('migrate').DATABASE_APP_ROLE).toBe('${VIR_APP_DB_ROLE:-verwijsindex_app}');
    for (const service of ['api', 'worker']) expect(user(env(service).DATABASE_URL)).toBe('${VIR_APP_DB_ROLE');
    expect(compose.services.postgres.volumes).toContain(
      './postgres-init.sh:/docker-entrypoint-initdb.d/10-app-role.sh:ro',
    );
  });

  it('passes the mail settings and the audit key where they are used, and keeps Redis persistent and unevicted', () => {
    expect(env('worker').SMTP_URL).toBe('${SMTP_URL:-}');
    expect(env('worker').VIR_AUDIT_KEY).toMatch(/VIR_AUDIT_KEY/);
    expect(env('worker').AUDIT_ANCHOR_FILE).toBe('/anchors/audit-anchors.jsonl');
    expect(compose.services.redis.command).toEqual([
      'redis-server',
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
    ]);
  });

  it('ships the operator CLI in the image, reachable as `npm run cli`', () => {
    expect(dockerfile).toContain('COPY --chown=node:node scripts/cli.js ./scripts/cli.js');
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.cli).toBe('node scripts/cli.js');
  });

  it('its database init script creates the application role', async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    await run('bash', [join(ROOT, 'docker/postgres-init.sh')], {
      env: {
        PATH: process.env.PATH,
        PGHOST: url.hostname,
        PGPORT: url.port,
        POSTGRES_USER: 'postgres',
        POSTGRES_DB: url.pathname.slice(1),
        VIR_APP_DB_ROLE: 'vir_init_script_test',
        VIR_APP_DB_PASSWORD: "a password with a quote ' in it",
      },
    });
    const admin = await new DataSource(
      postgresOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: 2 }),
    ).initialize();
    try {
      expect(
        await admin.query(
          `SELECT rolcanlogin, rolsuper, rolcreatedb FROM pg_roles WHERE rolname = 'vir_init_script_test'`,
        ),
      ).toEqual([{ rolcanlogin: true, rolsuper: false, rolcreatedb: false }]);
    } finally {
      await admin.query(`DROP ROLE IF EXISTS vir_init_script_test`);
      await admin.destroy();
    }
  });
});
