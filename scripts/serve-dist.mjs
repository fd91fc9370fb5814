// Serves the built site (dist/) the way a static host does, with the headers that
// public/_headers declares (the Netlify / Cloudflare Pages format): the worker scripts'
// Content-Security-Policy and the immutable caching of hashed files. `npm run preview`, the e2e
// suite and the bench use it, so what they test is what a host given dist/ serves.
//   node scripts/serve-dist.mjs [--port 4321] [--host 127.0.0.1]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { headersFor, parseHeadersFile } from '../src/site/headers-file.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } },
});
const dist = new URL('../dist/', import.meta.url);
const rules = parseHeadersFile(readFileSync(new URL('_headers', dist), 'utf8'));
const notFound = readFileSync(new URL('404.html', dist));

const files = sirv(dist.pathname, {
  etag: true,
  extensions: ['html'],
  onNoMatch(_req, res) {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(notFound);
  },
});

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  for (const [name, value] of headersFor(rules, path)) res.setHeader(name, value);
  files(req, res);
}).listen(Number(values.port), values.host, () => {
  console.log(`Serving dist/ at http://${values.host}:${values.port}/`);
});
