import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { createValidationPipe, PROBLEM_CONTENT_TYPE, problem, ProblemDetailsFilter } from '@vir/common';
import { AppConfig } from '@vir/config';
import { correlationIdFrom, Metrics, PinoLoggerService } from '@vir/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ApiModule } from './api.module';
import { acceptJsonOnly } from './edge/json-body';
import { clientErrorHandler, serverFactory } from './edge/http-server';
import { RouteTable } from './edge/route-table';
import { API_VERSION, buildOpenApiDocument } from './openapi';

export const BODY_LIMIT_BYTES = 64 * 1024;

type RequestWithPrincipal = FastifyRequest & { principal?: Principal };

function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  title: string,
  detail: string,
): void {
  void reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({
      ...problem(status, code, title, detail),
      instance: request.url.split('?')[0],
      correlationId: String(request.id),
    });
}

/**
 * Builds the HTTP application (used by main.ts and by the e2e tests alike).
 * `docsUi: false` skips the browsable docs, whose static-file plugin is ESM-only and cannot load under jest.
 */
export async function createApiApp(
  config: AppConfig,
  logger: Logger,
  options: { docsUi?: boolean } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.isProduction,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
      correlationIdFrom(request.headers),
    requestIdHeader: false,
    serverFactory: serverFactory(config),
    clientErrorHandler,
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const framework = error as { code?: string; statusCode?: number; message?: string };
      const known: Record<string, [number, string, string, string]> = {
        FST_ERR_BAD_URL: [400, 'BAD_URL', 'Bad URL', 'The request URL could not be decoded.'],
        FST_ERR_MAX_PARAM_LENGTH: [
          414,
          'URI_TOO_LONG',
          'URI too long',
          'A path segment of the URL is longer than this service accepts.',
        ],
      };
      const [status, code, title, detail] = known[framework.code ?? ''] ?? [
        400,
        'BAD_REQUEST',
        'Bad request',
        'The request could not be read.',
      ];
      reply
        .header('API-Version', API_VERSION)
        .header('Cache-Control', 'no-store')
        .header('X-Content-Type-Options', 'nosniff');
      sendProblem(reply, request, status, code, title, detail);
    },
  });
  const routes = new RouteTable();
  routes.attach(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    logger: new PinoLoggerService(logger.child({ component: 'nest' })),
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonOnly(fastify);

  // Headers every response carries: the API version, the correlation id, and no caching of what
  // may hold personal data (every API answer can name professionals).
  // (Hooks on every request are callback-style: no promise per request on the hot path.)
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('API-Version', API_VERSION);
    reply.header('X-Correlation-Id', request.id);
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // A NUL character can be stored nowhere; a URL that carries one is refused before it reaches a handler.
    if (request.url.includes('\u0000') || /%00/i.test(request.url)) {
      sendProblem(reply, request, 400, 'BAD_URL', 'Bad URL', 'The request URL holds a NUL character.');
      return;
    }
    done();
  });

  // Every use of an administrator credential is traced before the answer leaves, so the trace is
  // part of the request: when the client has the answer, the audit event is committed.
  const audit = app.get(AuditLog);
  const dataSource = app.get(DataSource);
  fastify.addHook('onSend', (request: RequestWithPrincipal, reply, payload, done) => {
    const principal = request.principal;
    if (!principal?.scopes.includes('admin')) return done(null, payload);
    audit
      .record(dataSource.manager, {
        action: 'admin.request',
        objectType: 'request',
        actor: actorOf(principal),
        details: { method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: reply.statusCode },
      })
      .then(
        () => done(null, payload),
        (error: Error) => done(error),
      );
  });

  // Request log and metrics without body or query: paths carry ids only, never a BSN.
  const metrics = app.get(Metrics);
  const duration = metrics.histogram(
    'vir_http_request_duration_seconds',
    'HTTP requests by route and status',
    ['method', 'route', 'status'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    logger.info(
      {
        correlationId: request.id,
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });

  // Major version in the URI (NL GOV API Design Rules); health and metrics stay outside the versioned API.
  app.setGlobalPrefix('v1', { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter({ allowedMethods: (path) => routes.allowedMethods(path) }));

  const document = buildOpenApiDocument(app, config);
  SwaggerModule.setup('v1/docs', app, document, {
    jsonDocumentUrl: 'v1/openapi.json',
    yamlDocumentUrl: 'v1/openapi.yaml',
    customSiteTitle: 'Verwijsindex API',
    ui: options.docsUi ?? true,
  });
  return app;
}
