import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/domain/errors.js';

const emptyDir = (): string => mkdtempSync(path.join(tmpdir(), 'mc-config-'));

describe('loadConfig', () => {
  it('gives the embedded defaults with nothing set', () => {
    const cwd = emptyDir();
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      dataDir: path.join(cwd, 'data'), port: 3000, publicUrl: null, defaultLicence: 'CC-BY-SA-4.0',
      defaultLanguage: 'fr', meili: null, storage: { kind: 'fs' }, queue: { kind: 'inline', concurrency: 1 }, transcriber: { kind: 'none' },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.storage)).toBe(true);
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', DEFAULT_LICENCE: 'CC-BY-ND', DEFAULT_LANGUAGE: 'french', STORAGE: 's3', QUEUE: 'bullmq', MEILI_URL: 'not a url' }, emptyDir());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toContain('DEFAULT_LANGUAGE: invalid language "french"; expected a BCP 47 tag such as fr, en or fr-CA');
    for (const field of ['PORT', 'DEFAULT_LICENCE', 'DEFAULT_LANGUAGE', 'MEILI_URL', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'REDIS_URL']) {
      expect(problems).toContain(field);
    }
  });

  it('checks DEFAULT_LANGUAGE with the programme\'s BCP 47 rule and keeps its canonical form', () => {
    expect(loadConfig({ DEFAULT_LANGUAGE: 'fr_fr' }, emptyDir()).defaultLanguage).toBe('fr-FR');
    expect(loadConfig({ DEFAULT_LANGUAGE: 'bre' }, emptyDir()).defaultLanguage).toBe('br');
    for (const bad of ['fr/../x', 'x', 'anglais']) {
      expect(() => loadConfig({ DEFAULT_LANGUAGE: bad }, emptyDir())).toThrow(ConfigError);
    }
  });

  it('reads a .env file, and the real environment wins over it', () => {
    const cwd = emptyDir();
    writeFileSync(path.join(cwd, '.env'), 'PORT=4000\nDEFAULT_LICENCE=etalab\nDATA_DIR=/srv/archive\n');
    const config = loadConfig({ PORT: '5000' }, cwd);
    expect(config.port).toBe(5000);
    expect(config.defaultLicence).toBe('Etalab-2.0');
    expect(config.dataDir).toBe('/srv/archive');
    expect(process.env.DEFAULT_LICENCE).toBeUndefined();
  });

  it('accepts the scale-out settings when complete', () => {
    const config = loadConfig({
      STORAGE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'archive', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b',
      QUEUE: 'bullmq', REDIS_URL: 'redis://127.0.0.1:6379', INGEST_CONCURRENCY: '3',
    }, emptyDir());
    expect(config.storage).toMatchObject({ kind: 's3', bucket: 'archive', forcePathStyle: true, region: 'us-east-1' });
    expect(config.queue).toEqual({ kind: 'bullmq', redisUrl: 'redis://127.0.0.1:6379', concurrency: 3 });
  });
});

describe('OAI_ADMIN_EMAIL', () => {
  it('is the OAI-PMH contact when set, null (the default mailbox) when not, and must be an address', () => {
    expect(loadConfig({ OAI_ADMIN_EMAIL: 'archives@example.org' }, emptyDir()).oaiAdminEmail).toBe('archives@example.org');
    expect(loadConfig({}, emptyDir()).oaiAdminEmail).toBeNull();
    expect(() => loadConfig({ OAI_ADMIN_EMAIL: 'archives' }, emptyDir())).toThrow(/OAI_ADMIN_EMAIL/);
  });
});
