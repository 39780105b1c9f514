import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/http-app';
import { buildOpenApiDocument } from '../../apps/api/src/openapi';
import { Clock } from '../../libs/common/src';
import { OrganisationsBootstrap } from '../../libs/organisations/src';
import { CredentialCache } from '../../libs/organisations/src/credential-cache';
import { createRootLogger } from '../../libs/observability/src';
import { OpenApiContract } from './openapi-contract';
import { testConfig } from './test-config';

const violations: string[] = [];

/** The contract violations seen since the last call (checked after every test by contract-check.ts). */
export function takeContractViolations(): string[] {
  return violations.splice(0, violations.length);
}

export interface TestApi {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** Every log line the api wrote during the suite. */
  logs: string[];
  http: () => ReturnType<typeof request>;
  /** Listens on a free loopback port (for tests that need a real socket); returns the port. */
  listen: () => Promise<number>;
  /** Empties the database (as truncateAll) and, unless told not to, recreates the bootstrap administrator. */
  reset: (options?: { bootstrap?: boolean }) => Promise<void>;
  close: () => Promise<void>;
}

/** Starts the real HTTP application against the test PostgreSQL and Redis, logging into memory. */
export async function startApi(
  overrides: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<TestApi> {
  const logs: string[] = [];
  const config = testConfig(overrides);
  const logger = createRootLogger('api', config.LOG_LEVEL, { write: (line: string) => void logs.push(line) });
  const app = await createApiApp(config, logger, { docsUi: false });
  // A clock the test moves: every handler reads "now" from the one Clock instance.
  const clock = options.clock;
  if (clock) app.get(Clock).now = () => clock.now();
  // Every answer is checked against the OpenAPI document the api serves.
  const served: { contract?: OpenApiContract } = {};
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      const problem = served.contract?.check(
        request.method,
        request.routeOptions?.url,
        reply.statusCode,
        String(reply.getHeader('content-type') ?? ''),
        payload,
      );
      if (problem) violations.push(problem);
      return payload;
    });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  served.contract = new OpenApiContract(buildOpenApiDocument(app, config) as never);
  const dataSource = app.get(DataSource);
  return {
    app,
    dataSource,
    logs,
    http: () => request(app.getHttpServer()),
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return (app.getHttpServer().address() as { port: number }).port;
    },
    reset: async ({ bootstrap = true } = {}) => {
      await truncateAll(dataSource);
      // Rows removed behind the service's back: forget cached credentials, as a NOTIFY would make it.
      app.get(CredentialCache).invalidate();
      if (bootstrap) await app.get(OrganisationsBootstrap).ensureBootstrapAdministrator();
    },
    close: () => app.close(),
  };
}

/**
 * Empties every table but the migration history (the audit log's trigger does not stop TRUNCATE).
 * A worker's timer (the audit sealer, retention) may hold a table TRUNCATE wants while waiting for
 * one TRUNCATE already took; PostgreSQL then ends one of the two as a deadlock. When that is the
 * TRUNCATE, it is simply tried again: the worker's transaction has gone on.
 */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
  );
  const statement = `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await dataSource.query(statement);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
    }
  }
}

export async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n as number;
}

export const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
