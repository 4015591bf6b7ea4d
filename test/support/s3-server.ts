import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { S3BlobStore, type S3BlobStoreOptions, type S3Settings } from '../../src/adapters/blob-store/s3-blob-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/s3-server.mjs');

/**
 * A real S3 server (s3rver) for one test file, in its own process: its own temporary folder,
 * a free loopback port, the bucket already made, credentials S3RVER/S3RVER. It can be killed
 * (as a crash) and started again on the same port and folder, always by its PID.
 */
export interface TestS3 {
  endpoint: string;
  port: number;
  dir: string;
  bucket: string;
  settings: S3Settings;
  /** The environment that points the CLI at this server. */
  env: Record<string, string>;
  pid(): number | null;
  store(options?: Partial<S3BlobStoreOptions>): S3BlobStore;
  /** A new empty bucket on this server (each contract test starts empty); returns its name. */
  freshBucket(): Promise<string>;
  /** SIGKILL: the server vanishes mid-request, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

export async function startTestS3(bucket = 'mc'): Promise<TestS3> {
  assertPatched();
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-s3-'));
  let running = await launch(dir, 0, bucket);
  const port = running.port;
  const endpoint = `http://127.0.0.1:${port}`;
  const settings: S3Settings = { bucket, region: 'us-east-1', endpoint, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
  let alive = true;
  let buckets = 0;
  const stopWith = async (signal: NodeJS.Signals): Promise<void> => {
    if (!alive) return;
    alive = false;
    const exited = new Promise((resolve) => running.child.once('exit', resolve));
    if (running.child.pid !== undefined) process.kill(running.child.pid, signal);
    await exited;
  };
  return {
    endpoint,
    port,
    dir,
    bucket,
    settings,
    env: {
      STORAGE: 's3', S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true',
    },
    pid: () => (alive ? (running.child.pid ?? null) : null),
    store: (options = {}) => new S3BlobStore({ ...settings, ...options }),
    async freshBucket() {
      const name = `t${++buckets}-${Date.now().toString(36)}`;
      const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      await client.send(new CreateBucketCommand({ Bucket: name }));
      client.destroy();
      return name;
    },
    kill: () => stopWith('SIGKILL'),
    async restart() {
      await stopWith('SIGTERM');
      running = await launch(dir, port, bucket);
      alive = true;
    },
    async dispose() {
      await stopWith('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(dir: string, port: number, bucket: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [SCRIPT, '--dir', dir, '--port', String(port), '--bucket', bucket], {
    cwd: ROOT,
    // s3rver's ListObjectsV2 continuation tokens are DES-encrypted: OpenSSL 3 keeps DES in its legacy provider.
    env: { ...process.env, NODE_OPTIONS: '--openssl-legacy-provider' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the S3 server exited (${code}) before it was ready: ${stderr.trim()}`)));
  });
  return { child, port: await ready };
}

/** Without patches/ applied, bucket-level requests fail their signature check and listed keys lose their "&": say so plainly. */
function assertPatched(): void {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('@20minutes/s3rver/package.json')), 'lib/middleware/authentication.js');
  const builder = path.join(path.dirname(file), '../s3rver.js');
  if (!readFileSync(file, 'utf8').includes('keep their slash') || !readFileSync(builder, 'utf8').includes('processEntities: false')) {
    throw new Error('@20minutes/s3rver is not patched: run `npm install` (its postinstall applies patches/)');
  }
}
