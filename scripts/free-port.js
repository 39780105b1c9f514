#!/usr/bin/env node
// Prints a TCP port on 127.0.0.1 that is free right now (asked of the OS), or N of them with `free-port.js N`.
const { createServer } = require('node:net');

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

(async () => {
  const count = Number(process.argv[2] ?? 1);
  const ports = new Set();
  while (ports.size < count) ports.add(await freePort());
  console.log([...ports].join(' '));
})();
