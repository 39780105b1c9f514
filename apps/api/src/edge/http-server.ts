import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problem } from '@vir/common';
import type { AppConfig } from '@vir/config';
import { API_VERSION } from '../openapi';

/**
 * The Node HTTP server under Fastify, with the limits a public API needs: the headers must arrive
 * within HTTP_HEADERS_TIMEOUT_MS of connecting, the whole request within HTTP_REQUEST_TIMEOUT_MS,
 * idle keep-alive connections close after HTTP_KEEP_ALIVE_TIMEOUT_MS, and at most
 * HTTP_MAX_CONNECTIONS are open at once. Node checks the timeouts every second (its default is 30 s).
 */
export function serverFactory(
  config: AppConfig,
): (handler: (req: IncomingMessage, res: ServerResponse) => void) => Server {
  return (handler) => {
    const server = createServer(
      {
        headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
        connectionsCheckingInterval: 1000,
        maxHeaderSize: 16 * 1024,
      },
      handler,
    );
    server.maxConnections = config.HTTP_MAX_CONNECTIONS;
    return server;
  };
}

const CLIENT_ERRORS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'HEADERS_TOO_LARGE',
    'Request header fields too large',
    'The request headers exceed 16 KiB.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'Request timeout', 'The request did not arrive in time.'],
  HPE_HEADERS_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'Request timeout', 'The request headers did not arrive in time.'],
};

/**
 * Errors the HTTP parser raises before Fastify sees a request (headers too large, malformed
 * request line, timeouts), answered as problem+json with API-Version like every other error.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, title, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'BAD_REQUEST',
    'Bad request',
    'The request could not be read.',
  ];
  const body = JSON.stringify(problem(status, code, title, detail));
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `API-Version: ${API_VERSION}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}
