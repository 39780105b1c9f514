/** Platform: the PostgreSQL connection pool, versioned migrations, grants for the application role, prepared statements. */
export { DatabaseModule } from './database.module';
export { postgresOptions } from './data-source-options';
export { assertTestDatabase, grantApplicationRole, runMigrationsLocked } from './migrate';
export { runPrepared } from './prepared';
