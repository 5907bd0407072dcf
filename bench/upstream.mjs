// The upstream all three paths of the gateway benchmark hit: a minimal keep-alive HTTP server on PORT.
import http from 'node:http';

const body = JSON.stringify({ ok: true, instance: process.env.HMSOPS_INSTANCE_ID ?? 'upstream' });
const server = http.createServer((req, res) => {
  if (req.url === '/healthz' || req.url === '/readyz') return res.end('ok');
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
