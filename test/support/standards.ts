import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A published standard the tests check against (NL GOV API Design Rules, Haal Centraal BRP), read
 * where the standards are kept beside the checkout (`../shared/standards/`), never copied into it.
 * STANDARDS_DIR points elsewhere.
 */
export function standardFile(...path: string[]): string {
  const dir = process.env.STANDARDS_DIR ?? resolve(__dirname, '..', '..', '..', 'shared', 'standards');
  const file = join(dir, ...path);
  if (!existsSync(file)) {
    throw new Error(`The standard ${path.join('/')} is not at ${file}; set STANDARDS_DIR to the standards directory.`);
  }
  return file;
}
