// Direct files: global setup runs outside jest's module mapper, so no @vir/* aliases here.
import { postgresOptions } from '../../libs/database/src/data-source-options';
import { assertTestDatabase, runMigrationsLocked } from '../../libs/database/src/migrate';
import { DataSource } from 'typeorm';

/** Applies the migrations once before any suite; refuses a database whose name lacks "test". */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL and Redis.');
  assertTestDatabase(url);
  const dataSource = await new DataSource(postgresOptions({ DATABASE_URL: url, DATABASE_POOL_SIZE: 2 })).initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
