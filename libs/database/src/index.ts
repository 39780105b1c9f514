export { DatabaseModule } from './database.module';
export { postgresOptions } from './data-source-options';
export { assertTestDatabase, runMigrationsLocked } from './migrate';
export { runPrepared } from './prepared';
