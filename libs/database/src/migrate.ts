import { DataSource } from 'typeorm';

/** Any fixed number shared by every replica; only its equality matters. */
const MIGRATION_LOCK_ID = 71_402_301;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so two replicas
 * starting at once cannot race: the second waits and then finds nothing left to do.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

/** Refuses to let a test suite touch a database whose name does not say it is for tests. */
export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  }
}

/** Tables the processes may read and append to, but never change or empty: the audit log and its chain. */
const APPEND_ONLY_TABLES = ['audit_events', 'audit_chain'];

/**
 * Gives the least-privilege role that api and worker connect as what they need and nothing more:
 * USAGE on the schema (no CREATE, so no DDL), SELECT/INSERT/UPDATE/DELETE on the tables and the
 * sequences, but only SELECT and INSERT on the audit log and its chain. Run by `migrate` as the
 * schema owner after the migrations, so new tables are covered too. The role must exist.
 */
export async function grantApplicationRole(dataSource: DataSource, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error('DATABASE_APP_ROLE must be a plain role name');
  const [exists] = await dataSource.query<unknown[]>(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
  if (!exists)
    throw new Error(`The role ${role} (DATABASE_APP_ROLE) does not exist; create it first (see docs/operations.md).`);
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  await dataSource.transaction(async (manager) => {
    await manager.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await manager.query(`REVOKE ALL ON SCHEMA public FROM ${role}`);
    await manager.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    for (const { tablename } of tables) {
      await manager.query(`REVOKE ALL ON TABLE "${tablename}" FROM ${role}`);
      const privileges = APPEND_ONLY_TABLES.includes(tablename)
        ? 'SELECT, INSERT'
        : tablename === 'schema_migrations'
          ? 'SELECT'
          : 'SELECT, INSERT, UPDATE, DELETE';
      await manager.query(`GRANT ${privileges} ON TABLE "${tablename}" TO ${role}`);
    }
    await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await manager.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role}`);
  });
}
