import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/http-app';
import { OrganisationsBootstrap } from '../../libs/organisations/src';
import { CredentialCache } from '../../libs/organisations/src/credential-cache';
import { createRootLogger } from '../../libs/observability/src';
import { testConfig } from './test-config';

export interface TestApi {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** Every log line the api wrote during the suite. */
  logs: string[];
  http: () => ReturnType<typeof request>;
  /** Empties the database (as truncateAll) and, unless told not to, recreates the bootstrap administrator. */
  reset: (options?: { bootstrap?: boolean }) => Promise<void>;
  close: () => Promise<void>;
}

/** Starts the real HTTP application against the test PostgreSQL and Redis, logging into memory. */
export async function startApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const logs: string[] = [];
  const config = testConfig(overrides);
  const logger = createRootLogger('api', config.LOG_LEVEL, { write: (line: string) => void logs.push(line) });
  const app = await createApiApp(config, logger, { docsUi: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  return {
    app,
    dataSource,
    logs,
    http: () => request(app.getHttpServer()),
    reset: async ({ bootstrap = true } = {}) => {
      await truncateAll(dataSource);
      // Rows removed behind the service's back: forget cached credentials, as a NOTIFY would make it.
      app.get(CredentialCache).invalidate();
      if (bootstrap) await app.get(OrganisationsBootstrap).ensureBootstrapAdministrator();
    },
    close: () => app.close(),
  };
}

/** Empties every table but the migration history (the audit log's trigger does not stop TRUNCATE). */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
  );
  await dataSource.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

export async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n as number;
}

export const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
