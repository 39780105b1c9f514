import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { createValidationPipe, ProblemDetailsFilter } from '@vir/common';
import { AppConfig } from '@vir/config';
import { CORRELATION_HEADER, correlationIdFrom, PinoLoggerService } from '@vir/observability';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ApiModule } from './api.module';
import { API_VERSION, buildOpenApiDocument } from './openapi';

export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Builds the HTTP application (used by main.ts and by the e2e tests alike).
 * `docsUi: false` skips the browsable docs, whose static-file plugin is ESM-only and cannot load under jest.
 */
export async function createApiApp(config: AppConfig, logger: Logger, options: { docsUi?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.isProduction,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => correlationIdFrom(request.headers[CORRELATION_HEADER]),
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    logger: new PinoLoggerService(logger.child({ component: 'nest' })),
  });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('API-Version', API_VERSION);
    reply.header('X-Correlation-Id', request.id);
  });
  // Every use of an administrator credential is traced (the action itself is traced by its handler too).
  const audit = app.get(AuditLog);
  const dataSource = app.get(DataSource);
  fastify.addHook('onResponse', async (request, reply) => {
    const principal = (request as { principal?: Principal }).principal;
    if (!principal?.scopes.includes('admin')) return;
    await audit
      .record(dataSource.manager, {
        action: 'admin.request',
        objectType: 'request',
        actor: actorOf(principal),
        details: { method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: reply.statusCode },
      })
      .catch((error: Error) => logger.error({ err: { name: error.name } }, 'could not trace an administrator request'));
  });
  // Request log without body or query: paths carry ids only, never a BSN.
  fastify.addHook('onResponse', async (request, reply) => {
    logger.info(
      {
        correlationId: request.id,
        method: request.method,
        route: request.routeOptions?.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  // Only JSON bodies: without this, Fastify would hand a text/plain body to the validation as a string.
  fastify.removeContentTypeParser('text/plain');

  // Major version in the URI (NL GOV API Design Rules); health stays outside the versioned API.
  app.setGlobalPrefix('v1', { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  const document = buildOpenApiDocument(app, config);
  SwaggerModule.setup('v1/docs', app, document, {
    jsonDocumentUrl: 'v1/openapi.json',
    yamlDocumentUrl: 'v1/openapi.yaml',
    customSiteTitle: 'Verwijsindex API',
    ui: options.docsUi ?? true,
  });
  return app;
}
