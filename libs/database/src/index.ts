/** Platform: the PostgreSQL connection pool, versioned migrations, grants for the application role, SQL composed with the `sql` tag and run typed. */
export { DatabaseModule } from './database.module';
export { postgresOptions } from './data-source-options';
export { assertTestDatabase, grantApplicationRole, runMigrationsLocked } from './migrate';
export { runPrepared } from './prepared';
export { databaseNow, execute, monthOf, newestFirst, rows, Sql, sql } from './sql';
