import { createServer, Server } from 'node:http';
import type { AppConfig } from '@vir/config';
import type { Metrics } from '@vir/observability';

/** The worker's only HTTP: `/health/live` and `/metrics` (Prometheus; behind METRICS_TOKEN when set) on WORKER_HEALTH_PORT. */
export function startHealthServer(config: AppConfig, metrics: Metrics): Server {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/health/live') {
      response
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (path === '/metrics') {
      if (config.METRICS_TOKEN && request.headers.authorization !== `Bearer ${config.METRICS_TOKEN}`) {
        response.writeHead(401, { 'www-authenticate': 'Bearer realm="verwijsindex-metrics"' }).end();
        return;
      }
      metrics.render().then(
        (text) =>
          response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(text),
        () => response.writeHead(503).end(),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(config.WORKER_HEALTH_PORT, config.HOST);
  server.unref();
  return server;
}
