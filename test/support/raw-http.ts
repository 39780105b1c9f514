import { connect, Socket } from 'node:net';

/** Sends `text` as is over a new TCP connection and resolves with everything the server answered before closing (or `timeoutMs`). */
export function rawExchange(
  port: number,
  text: string,
  timeoutMs = 5000,
): Promise<{ response: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(text));
    const done = () =>
      resolve({ response: Buffer.concat(chunks).toString('utf8'), closedAfterMs: Date.now() - started });
    const timer = setTimeout(() => {
      socket.destroy();
      done();
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    socket.on('error', () => undefined);
  });
}

/** The status, headers and JSON body of a raw HTTP/1.1 response. */
export function parseResponse(raw: string): { status: number; headers: Record<string, string>; body: unknown } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  const text = rest.join('\r\n\r\n');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}
