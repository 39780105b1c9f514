'use strict';
// Development mail catcher: an SMTP server on loopback that keeps every message as an .eml file
// (open it with any mail program) and lists it in index.txt. Never use it in production.
//   node scripts/mail-catcher.js <directory> [port]
const { mkdirSync, writeFileSync, appendFileSync } = require('node:fs');
const { join } = require('node:path');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const directory = process.argv[2] ?? '.data/dev/mail';
const port = Number(process.argv[3] ?? 1025);
mkdirSync(directory, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const parsed = await simpleParser(raw).catch(() => ({}));
      count += 1;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`;
      writeFileSync(join(directory, name), raw);
      appendFileSync(
        join(directory, 'index.txt'),
        `${new Date().toISOString()}\t${parsed.to?.text ?? ''}\t${parsed.subject ?? ''}\t${name}\n`,
      );
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () =>
  console.log(`mail catcher on smtp://127.0.0.1:${port}, messages in ${directory}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
