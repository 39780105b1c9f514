// Direct files: global setup runs outside jest's module mapper, so no @vir/* aliases here.
import { postgresOptions } from '../../libs/database/src/data-source-options';
import { assertTestDatabase, runMigrationsLocked } from '../../libs/database/src/migrate';
import { DataSource } from 'typeorm';

/** Applies the migrations once before any suite; refuses a database whose name lacks "test". */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // Unit tests run without services; suites that need the database fail with their own message.
    process.stderr.write('DATABASE_URL is not set: only unit tests can run. `npm test` starts PostgreSQL and Redis.\n');
    return;
  }
  assertTestDatabase(url);
  const dataSource = await new DataSource(postgresOptions({ DATABASE_URL: url, DATABASE_POOL_SIZE: 2 })).initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
