'use strict';
// The benchmark's webhook receiver, in a process of its own so the load generator cannot delay
// the moment an event is noted. Answers 204 to every event; GET /arrivals returns
// [signalId, arrival time in ms] pairs and forgets them.
const { createServer } = require('node:http');

let arrivals = [];
const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/arrivals') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(arrivals));
    arrivals = [];
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const at = Date.now();
    try {
      arrivals.push([JSON.parse(Buffer.concat(chunks).toString('utf8')).data.signalId, at]);
    } catch {
      /* not an event */
    }
    response.writeHead(204).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
