import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../src/adapters/blob-store/s3-blob-store.js';
import { ConfigError } from '../../src/domain/errors.js';
import { blobStoreContract } from '../contract/blob-store-contract.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';

const MiB = 1024 * 1024;
const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
const tempDirs: string[] = [];
afterAll(async () => {
  await s3?.dispose();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// Parts of 5 MiB (S3's minimum) so that the contract's 12 MB file goes in three parts.
blobStoreContract('S3 (s3rver on loopback)', async () => s3.store({ bucket: await s3.freshBucket(), partSize: 5 * MiB }));

function bigFile(bytes: number): { file: string; body: Buffer } {
  const body = randomBytes(bytes);
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-s3-big-'));
  tempDirs.push(dir);
  const file = path.join(dir, 'talk.mp4');
  writeFileSync(file, body);
  return { file, body };
}

/**
 * Holds the upload after its first part is stored, until `release()`: the test can then stop
 * the server at a known point of a multipart upload. Counts every attempt of every request.
 */
function instrument(client: S3Client): { firstPartStored: Promise<void>; release: () => void; attempts: Map<string, number> } {
  let stored!: () => void;
  let release!: () => void;
  const firstPartStored = new Promise<void>((resolve) => (stored = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const attempts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'UploadPartCommand' && (args.input as { PartNumber?: number }).PartNumber === 1) {
        stored();
        await gate;
      }
      return result;
    },
    { step: 'initialize', name: 'holdAfterFirstPart' },
  );
  // After the retry middleware: runs once per attempt.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      attempts.set(context.commandName ?? '?', (attempts.get(context.commandName ?? '?') ?? 0) + 1);
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'countAttempts' },
  );
  return { firstPartStored, release, attempts };
}

async function keys(prefix: string, bucket: string): Promise<string[]> {
  const found: string[] = [];
  for await (const blob of s3.store({ bucket }).list(prefix)) found.push(blob.key);
  return found;
}

describe('S3 store when the server goes away', () => {
  it('retries a multipart upload while the server restarts, and stores the file whole', async () => {
    const bucket = await s3.freshBucket();
    const client = createS3Client({ ...s3.settings, bucket }, { attempts: 10, baseDelayMs: 200, maxDelayMs: 2_000 });
    const probe = instrument(client);
    const store = s3.store({ bucket, client, partSize: 5 * MiB, queueSize: 1 });
    const { file, body } = bigFile(16 * MiB);
    const put = store.putFile('items/x/download/talk.mp4', file, 'video/mp4');
    await probe.firstPartStored;
    // A stored part is not an object: nothing shows until the upload completes.
    expect(await store.stat('items/x/download/talk.mp4')).toBeNull();
    expect(await keys('items/', bucket)).toEqual([]);
    await s3.kill();
    probe.release();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await s3.restart();
    expect(await put).toEqual({ key: 'items/x/download/talk.mp4', size: body.length, sha256: sha(body) });
    expect(probe.attempts.get('UploadPartCommand')).toBeGreaterThan(4); // 4 parts, and at least one retried
    expect(sha(await buffer(await store.getStream('items/x/download/talk.mp4')))).toBe(sha(body));
    expect(await store.stat('items/x/download/talk.mp4')).toMatchObject({ size: body.length, sha256: sha(body) });
  });

  it('fails with one clear line when the server stays down, leaving nothing visible', async () => {
    const bucket = await s3.freshBucket();
    const client = createS3Client({ ...s3.settings, bucket }, { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 });
    const probe = instrument(client);
    const store = s3.store({ bucket, client, partSize: 5 * MiB, queueSize: 1 });
    const { file } = bigFile(12 * MiB);
    // As the ingest publishes: the files, then the manifest only if they all went in.
    const publish = (async () => {
      await store.putFile('items/x/download/talk.mp4', file, 'video/mp4');
      await store.putBuffer('items/x/manifest.json', '{}', 'application/json');
    })();
    await probe.firstPartStored;
    await s3.kill();
    probe.release();
    const error = await publish.then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toMatch(new RegExp(`^S3 bucket ${bucket} at ${s3.endpoint}: put items/x/download/talk\\.mp4: .*ECONNREFUSED.* \\(3 attempts\\)$`));
    await s3.restart();
    expect(await keys('items/', bucket)).toEqual([]);
    expect(await store.stat('items/x/download/talk.mp4')).toBeNull();
  });

  it('refuses to start on a bucket it cannot reach or write, naming it', async () => {
    const wrongSecret = s3.store({ secretAccessKey: 'not-the-secret' });
    const refused = await wrongSecret.check().then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([expect.stringMatching(new RegExp(`^S3 bucket mc at ${s3.endpoint}: put \\.probe/\\S+: HTTP 403 SignatureDoesNotMatch: `))]);
    // The same check runs before a store's first request, whatever it is.
    await expect(wrongSecret.getBuffer('items/a/manifest.json')).rejects.toBeInstanceOf(ConfigError);
    const noBucket = s3.store({ bucket: 'no-such-bucket' });
    await expect(noBucket.check()).rejects.toMatchObject({ problems: [expect.stringMatching(/^S3 bucket no-such-bucket at .*: HTTP 404 NoSuchBucket: The specified bucket does not exist$/)] });
    const closed = await closedPort();
    const down = s3.store({ endpoint: `http://127.0.0.1:${closed}`, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    await expect(down.check()).rejects.toMatchObject({
      problems: [expect.stringMatching(new RegExp(`^S3 bucket mc at http://127\\.0\\.0\\.1:${closed}: put \\.probe/\\S+: connect ECONNREFUSED .* \\(2 attempts\\)$`))],
    });
  });
});

describe('S3 store behind a failing front', () => {
  let front: Server;
  let plan: number[] = [];
  const seen: number[] = [];
  beforeAll(async () => {
    // Answers the next planned status (503, 429…) instead of S3, then passes requests through untouched.
    front = createServer((req, res) => {
      const status = plan.shift();
      seen.push(status ?? 200);
      if (status) {
        req.resume();
        res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><Error><Code>${status === 429 ? 'SlowDown' : status === 503 ? 'ServiceUnavailable' : 'AccessDenied'}</Code><Message>planned</Message></Error>`);
        return;
      }
      const upstream = request({ host: '127.0.0.1', port: s3.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => front.close(() => resolve())));

  const frontStore = (retry = { attempts: 5, baseDelayMs: 20, maxDelayMs: 100 }) =>
    s3.store({ endpoint: `http://127.0.0.1:${(front.address() as AddressInfo).port}`, retry });

  it('retries 5xx and throttling with backoff, then succeeds', async () => {
    const store = frontStore();
    await store.check();
    plan = [503, 429, 500];
    seen.length = 0;
    expect(await store.putBuffer('items/f/m.json', '{"ok":true}', 'application/json')).toMatchObject({ size: 11 });
    expect(seen.slice(0, 4)).toEqual([503, 429, 500, 200]);
    expect((await store.getBuffer('items/f/m.json'))?.toString()).toBe('{"ok":true}');
  });

  it('does not retry what asking again cannot fix', async () => {
    const store = frontStore();
    await store.check();
    plan = [403];
    seen.length = 0;
    await expect(store.getBuffer('items/f/m.json')).rejects.toThrow(/: get items\/f\/m\.json: HTTP 403 AccessDenied: planned$/);
    expect(seen).toEqual([403]);
  });
});

describe('S3 URLs for browsers', () => {
  it('presigns short-lived URLs that serve byte ranges', async () => {
    const store = s3.store();
    await store.putBuffer('items/u/a b/é.txt', '0123456789', 'text/plain');
    const url = await store.publicUrl('items/u/a b/é.txt', { expiresIn: 60 });
    expect(url).toMatch(/X-Amz-Expires=60/);
    const answer = await fetch(url, { headers: { Range: 'bytes=2-5' } });
    expect([answer.status, await answer.text()]).toEqual([206, '2345']);
  });

  it('uses the public base URL when one is configured', async () => {
    const store = s3.store({ publicBaseUrl: 'https://cdn.example.org/archive/' });
    expect(await store.publicUrl('items/u/a b/é.txt')).toBe('https://cdn.example.org/archive/items/u/a%20b/%C3%A9.txt');
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
