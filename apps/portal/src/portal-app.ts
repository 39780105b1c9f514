import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@vir/config';
import { correlationIdFrom, PinoLoggerService } from '@vir/observability';
import type { Logger } from 'pino';
import { IMPORT_FILE_LIMIT_BYTES } from './onboarding/organisations.controller';
import { PortalErrorFilter } from './portal-error.filter';
import { PortalModule } from './portal.module';

/**
 * No script at all, styles only from this origin, no framing, no caching of pages that can show a
 * person, and no Referer (an invitation link carries its token in the path).
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The portal: server-rendered pages for people, beside the api, on the same command and query handlers. */
export async function createPortalApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 16 * 1024,
    trustProxy: config.isProduction,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
      correlationIdFrom(request.headers),
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(PortalModule.forRoot(config), adapter, {
    logger: new PinoLoggerService(logger.child({ component: 'nest' })),
  });
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyCookie);
  // Only the CSV import sends a file: one, small, with a few fields beside it, all read into the form.
  await fastify.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: IMPORT_FILE_LIMIT_BYTES, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Correlation-Id', request.id);
    if (config.PORTAL_URL.startsWith('https:'))
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    done();
  });
  app.useGlobalFilters(new PortalErrorFilter(logger));
  return app;
}
