import { DataSource } from 'typeorm';
import { postgresOptions } from '../libs/database/src/data-source-options';
import { assertTestDatabase, runMigrationsLocked } from '../libs/database/src/migrate';
import { MIGRATIONS } from '../libs/database/src/migrations';

describe('runMigrationsLocked', () => {
  const base = process.env.DATABASE_URL as string;
  const scratchUrl = base.replace(/\/[^/]+$/, '/vir_migrations_test');
  let admin: DataSource;

  beforeAll(async () => {
    admin = await new DataSource(postgresOptions({ DATABASE_URL: base, DATABASE_POOL_SIZE: 2 })).initialize();
    await admin.query('DROP DATABASE IF EXISTS vir_migrations_test');
    await admin.query('CREATE DATABASE vir_migrations_test');
  });
  afterAll(async () => {
    await admin.query('DROP DATABASE IF EXISTS vir_migrations_test WITH (FORCE)');
    await admin.destroy();
  });

  it('lets two replicas start at once: each migration is applied exactly once', async () => {
    const replicas = await Promise.all(
      [1, 2, 3].map(() => new DataSource(postgresOptions({ DATABASE_URL: scratchUrl, DATABASE_POOL_SIZE: 2 })).initialize()),
    );
    try {
      const applied = await Promise.all(replicas.map((replica) => runMigrationsLocked(replica)));
      expect(applied.flat()).toHaveLength(MIGRATIONS.length);
      const rows = await replicas[0].query('SELECT name FROM schema_migrations');
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all(replicas.map((replica) => replica.destroy()));
    }
  });

  it('refuses a database whose name does not say test', () => {
    expect(() => assertTestDatabase('postgres://x@localhost/verwijsindex')).toThrow(/must contain "test"/);
    expect(() => assertTestDatabase('postgres://x@localhost/vir_test')).not.toThrow();
  });
});
