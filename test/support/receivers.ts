import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** A real SMTP server on a free port. `failNext(n)` answers the next n messages with 451 (try again later). */
export async function startSmtpSink(): Promise<{
  url: string;
  mails: ReceivedMail[];
  failNext: (n: number) => void;
  close: () => Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void receive().then(() => callback(), callback);
      });
      const receive = async (): Promise<void> => {
        if (failures > 0) {
          failures -= 1;
          const error = new Error('Try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          throw error;
        }
        const parsed = await simpleParser(Buffer.concat(chunks));
        const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
          a.value.map((v) => v.address ?? ''),
        );
        mails.push({
          to,
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: String(parsed.html || ''),
          messageId: parsed.messageId ?? '',
        });
      };
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext: (n) => (failures = n),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedEvent {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  validSignature: boolean;
  status: number;
}

/**
 * A real HTTP receiver for webhooks. It checks the HMAC-SHA-256 signature over
 * "<timestamp>.<body>" with `secret`, and answers each path with the statuses queued by
 * `respond(path, [500, 500, 200])` (then 200).
 */
export async function startWebhookReceiver(secret: string): Promise<{
  url: string;
  events: ReceivedEvent[];
  respond: (path: string, statuses: number[]) => void;
  close: () => Promise<void>;
}> {
  const events: ReceivedEvent[] = [];
  const plans = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-verwijsindex-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
      const path = request.url ?? '/';
      const status = plans.get(path)?.shift() ?? 200;
      events.push({
        path,
        headers: request.headers,
        body,
        validSignature: request.headers['x-verwijsindex-signature'] === expected,
        status,
      });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    respond: (path, statuses) => plans.set(path, [...statuses]),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
