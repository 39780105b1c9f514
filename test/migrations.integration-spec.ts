import { DataSource } from 'typeorm';
import { postgresOptions } from '../libs/database/src/data-source-options';
import { assertTestDatabase, grantApplicationRole, runMigrationsLocked } from '../libs/database/src/migrate';
import { cliWithEnv } from './support/processes';
import { MIGRATIONS } from '../libs/database/src/migrations';
import { AddressExclusionLookup1767100000000 } from '../libs/database/src/migrations/1767100000000-address-exclusion-lookup';

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
      [1, 2, 3].map(() =>
        new DataSource(postgresOptions({ DATABASE_URL: scratchUrl, DATABASE_POOL_SIZE: 2 })).initialize(),
      ),
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

  it('lets the application role do its work but never change the schema or the audit log (migrate as owner, run as the role)', async () => {
    await admin.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vir_app_test') THEN CREATE ROLE vir_app_test LOGIN; END IF; END $$`,
    );
    const migrated = await cliWithEnv({ DATABASE_URL: scratchUrl, DATABASE_APP_ROLE: 'vir_app_test' }, 'migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('Granted vir_app_test');
    const asRole = await new DataSource(
      postgresOptions({ DATABASE_URL: scratchUrl.replace('postgres@', 'vir_app_test@'), DATABASE_POOL_SIZE: 2 }),
    ).initialize();
    try {
      await asRole.query(
        `INSERT INTO organisations (name, kind, municipality_code, agreement_reference) VALUES ('Rol-test', 'education', '0983', 'X')`,
      );
      await asRole.query(`UPDATE organisations SET agreement_reference = 'Y' WHERE name = 'Rol-test'`);
      await asRole.query(`INSERT INTO audit_events (action, object_type) VALUES ('test.role', 'test')`);
      expect(await asRole.query(`SELECT count(*)::int AS n FROM audit_events`)).toEqual([{ n: 1 }]);
      for (const statement of [
        `UPDATE audit_events SET action = 'x'`,
        `DELETE FROM audit_events`,
        `TRUNCATE audit_events`,
        `DELETE FROM audit_chain`,
        `ALTER TABLE registrations ADD COLUMN reason text`,
        `DROP TABLE outbox`,
        `CREATE TABLE notes (text text)`,
        `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`,
      ]) {
        await expect(asRole.query(statement)).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await asRole.destroy();
    }
    // Granting again (every migrate run does) is harmless.
    const again = new DataSource(postgresOptions({ DATABASE_URL: scratchUrl, DATABASE_POOL_SIZE: 2 }));
    await again.initialize();
    try {
      await grantApplicationRole(again, 'vir_app_test');
      await expect(grantApplicationRole(again, 'no_such_role')).rejects.toThrow(/does not exist/);
    } finally {
      await again.destroy();
    }
  });

  it('reverts the newest migration and applies it again', async () => {
    const scratch = await new DataSource(
      postgresOptions({ DATABASE_URL: scratchUrl, DATABASE_POOL_SIZE: 2 }),
    ).initialize();
    const applied = async () =>
      (await scratch.query<{ name: string }[]>('SELECT name FROM schema_migrations')).map((r) => r.name);
    const newest = MIGRATIONS[MIGRATIONS.length - 1].name;
    try {
      await runMigrationsLocked(scratch);
      await scratch.undoLastMigration({ transaction: 'each' });
      expect(await applied()).toHaveLength(MIGRATIONS.length - 1);
      expect(await applied()).not.toContain(newest);
      expect(await runMigrationsLocked(scratch)).toEqual([newest]);
    } finally {
      await scratch.destroy();
    }
  });

  it('indexes the register of excluded addresses by address, and back (AddressExclusionLookup)', async () => {
    const scratch = await new DataSource(
      postgresOptions({ DATABASE_URL: scratchUrl, DATABASE_POOL_SIZE: 2 }),
    ).initialize();
    const runner = scratch.createQueryRunner();
    const migration = new AddressExclusionLookup1767100000000();
    const exclusionIndexes = async () =>
      (
        await scratch.query<{ columns: string }[]>(
          `SELECT regexp_replace(indexdef, '^.* USING btree ', '') AS columns FROM pg_indexes
            WHERE tablename = 'address_exclusions' AND indexname LIKE 'address_exclusions_once_%' ORDER BY indexname`,
        )
      ).map((row) => row.columns);
    const byAddress = [
      '(bag_id, municipality_code) WHERE (bag_id IS NOT NULL)',
      '(postcode, house_number, municipality_code) WHERE (postcode IS NOT NULL)',
    ];
    try {
      await runMigrationsLocked(scratch);
      expect(await exclusionIndexes()).toEqual(byAddress);
      await migration.down(runner);
      expect(await exclusionIndexes()).toEqual([
        '(municipality_code, bag_id) WHERE (bag_id IS NOT NULL)',
        '(municipality_code, postcode, house_number) WHERE (postcode IS NOT NULL)',
      ]);
      await migration.up(runner);
      expect(await exclusionIndexes()).toEqual(byAddress);
    } finally {
      await runner.release();
      await scratch.destroy();
    }
  });
});
