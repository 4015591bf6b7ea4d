#!/usr/bin/env node
// A local S3 server for tests and development: @20minutes/s3rver (a dev dependency) on loopback.
// It has no command line of its own. Prints one JSON line {"port": N} once it accepts requests.
// Run with NODE_OPTIONS=--openssl-legacy-provider: its ListObjectsV2 continuation tokens use DES.
//
//   node scripts/s3-server.mjs --dir /tmp/s3 [--port 0] [--bucket mc]
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import S3rver from '@20minutes/s3rver';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, port: { type: 'string', default: '0' }, bucket: { type: 'string', multiple: true, default: [] } },
});
if (!values.dir) {
  process.stderr.write('usage: s3-server.mjs --dir <folder> [--port N] [--bucket name …]\n');
  process.exit(2);
}
mkdirSync(values.dir, { recursive: true });
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(values.port),
  directory: values.dir,
  silent: true,
  // Path-style only: a bucket is never read from the Host header.
  vhostBuckets: false,
  configureBuckets: values.bucket.map((name) => ({ name })),
});
const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
const stop = () => server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
