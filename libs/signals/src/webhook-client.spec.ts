import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '@vir/config';
import { WebhookClient } from './webhook-client';

describe('WebhookClient', () => {
  let server: Server;
  let port: number;
  const received: { body: string; signature?: string; connection: number }[] = [];
  let connections = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: request.headers['x-signature'] as string,
          connection: connections,
        });
        response.statusCode = request.url === '/gone' ? 410 : 202;
        response.end('a body the client drops');
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (received.length = 0));

  const client = (allowPrivate: boolean) =>
    new WebhookClient({ WEBHOOK_ALLOW_PRIVATE_TARGETS: allowPrivate } as AppConfig);

  it('posts the body with its headers, answers the status, and keeps connections open for posts in a row', async () => {
    const webhooks = client(true);
    try {
      const before = connections;
      expect(
        await webhooks.post(`http://127.0.0.1:${port}/events`, { 'x-signature': 'sha256=abc' }, '{"id":"1"}'),
      ).toBe(202);
      expect(await webhooks.post(`http://127.0.0.1:${port}/events`, {}, '{"id":"2"}')).toBe(202);
      expect(await webhooks.post(`http://127.0.0.1:${port}/gone`, {}, '{"id":"3"}')).toBe(410);
      for (let i = 4; i <= 10; i += 1)
        expect(await webhooks.post(`http://127.0.0.1:${port}/events?n=${i}`, {}, `{"id":"${i}"}`)).toBe(202);
      expect(received.map((r) => r.body)).toEqual(Array.from({ length: 10 }, (_, i) => `{"id":"${i + 1}"}`));
      expect(received[0].signature).toBe('sha256=abc');
      // A connection is free again a moment after its answer, so a post right behind it may open a
      // second one; ten posts in a row never need more than two.
      expect(connections - before).toBeLessThanOrEqual(2);
    } finally {
      await webhooks.onApplicationShutdown();
    }
  });

  it('unless private targets are allowed, refuses to connect to a host name that resolves to a loopback address', async () => {
    const webhooks = client(false);
    try {
      await expect(webhooks.post(`http://localhost:${port}/events`, {}, '{}')).rejects.toMatchObject({
        code: 'EPRIVATE',
      });
      expect(received).toEqual([]);
    } finally {
      await webhooks.onApplicationShutdown();
    }
  });

  it('rejects when nothing listens', async () => {
    const webhooks = client(true);
    try {
      await expect(webhooks.post('http://127.0.0.1:1/events', {}, '{}')).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    } finally {
      await webhooks.onApplicationShutdown();
    }
  });
});
