import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { statusCommand } from '../../src/cli/commands/status.js';
import { storageCommand } from '../../src/cli/commands/storage.js';
import { manifestKey, parseManifest, type Manifest } from '../../src/domain/manifest.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import { runCli, startCli } from '../support/cli.js';
import { commandRefusal, runCommand } from '../support/cli-in-process.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { cuesOf, writeItem } from '../support/search-archive.js';

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

function tempDir(prefix = 'mc-copy-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A small archive on disk, as the ingest leaves it: a talk, a podcast and a document, or `count` talks. */
async function diskArchive(count = 0): Promise<{ dataDir: string; manifests: Manifest[] }> {
  const dataDir = tempDir();
  const store = new FsBlobStore(dataDir);
  const manifests: Manifest[] = [];
  if (count > 0) {
    for (let i = 0; i < count; i++) {
      manifests.push(await writeItem(store, { id: `2025-brest-talk-${i}`, kind: 'talk', title: `Talk ${i}`, transcripts: [{ cues: cuesOf([`Phrase ${i}.`, 'Encore une phrase.']) }] }));
    }
    return { dataDir, manifests };
  }
  manifests.push(await writeItem(store, {
    id: '2025-brest-mediation-et-ia', kind: 'talk', title: 'Médiation et IA',
    transcripts: [{ cues: cuesOf(['Bonjour à toutes et à tous.', 'Parlons de médiation numérique.']) }, { language: 'en', source: 'speech-to-text', cues: cuesOf(['Hello everyone.']) }],
    slides: [{ start: 0, end: 10, text: 'Médiation numérique', confidence: 90 }],
  }));
  manifests.push(await writeItem(store, { id: '2025-brest-podcast-communs', kind: 'podcast', title: 'Les communs', transcripts: [{ cues: cuesOf(['Un podcast sur les communs.']) }] }));
  manifests.push(await writeItem(store, { id: '2025-brest-guide-inclusion', kind: 'document', title: 'Guide', pages: ['Page une.', 'Page deux.'] }));
  return { dataDir, manifests };
}

/** Every object the manifests list, and the manifests, are in `store` with the manifests' checksums. */
async function expectComplete(store: BlobStore, manifests: Manifest[], dataDir: string): Promise<void> {
  for (const manifest of manifests) {
    const stored = await store.getBuffer(manifestKey(manifest.id));
    expect(stored?.equals(readFileSync(path.join(dataDir, manifestKey(manifest.id))))).toBe(true);
    for (const file of manifest.files) expect(sha((await store.getBuffer(file.key)) ?? Buffer.alloc(0)), file.key).toBe(file.sha256);
  }
}

/** The invariant of the copy: an item the target shows has every one of its objects there. */
async function expectNoIncompleteItem(store: BlobStore): Promise<number> {
  let shown = 0;
  for await (const blob of store.list('items/')) {
    if (!blob.key.endsWith('/manifest.json')) continue;
    shown++;
    const manifest = parseManifest(((await store.getBuffer(blob.key)) as Buffer).toString('utf8'));
    for (const file of manifest.files) expect((await store.stat(file.key))?.sha256, file.key).toBe(file.sha256);
  }
  return shown;
}

function filesUnder(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

const objectCount = (manifests: Manifest[]): number => manifests.reduce((n, m) => n + m.files.length, 0);

/**
 * `storage copy` through the real CLI in its own process for each exit code and the lines it
 * prints (and for the run killed midway); the runs that resume, copy back or only refuse call the
 * same commands in this process (test/support/cli-in-process.ts): same output, no process start.
 */
describe('storage copy', () => {
  it('copies an archive from disk to S3 and back, every object checked, and resumes by skipping what is there', async () => {
    const { dataDir, manifests } = await diskArchive();
    const bucket = await s3.freshBucket();
    const toS3 = { ...s3.env, S3_BUCKET: bucket, STORAGE: 'fs', DATA_DIR: dataDir };
    const objects = objectCount(manifests);

    const dry = await runCommand(storageCommand, ['copy', '--to', 's3', '--dry-run'], toS3);
    expect([dry.code, dry.stderr]).toEqual([0, '']);
    expect(dry.stdout).toContain(`Would copy ${objects} object(s)`);
    expect(await expectNoIncompleteItem(s3.store({ bucket }))).toBe(0);

    const run = await runCli(['storage', 'copy', '--to', 's3'], toS3);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^2025-brest-mediation-et-ia: copied \d+ object\(s\) \([\d.]+ MB\), 0 already there$/m);
    expect(run.stdout).toContain(`Copied ${objects} object(s)`);
    expect(run.stdout).toContain('skipped 0 already there, 0 failed; 3 of 3 item(s) complete in the target.');
    await expectComplete(s3.store({ bucket }), manifests, dataDir);

    const again = await runCommand(storageCommand, ['copy', '--to', 's3'], toS3);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Copied 0 object(s) (0.0 MB) from fs to s3, skipped ${objects} already there, 0 failed`);

    // The archive now works from the bucket…
    const status = await runCommand(statusCommand, ['--json'], { ...s3.env, S3_BUCKET: bucket, DATA_DIR: tempDir(), MEILI_URL: 'http://127.0.0.1:9' });
    expect((JSON.parse(status.stdout) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(manifests.map((m) => m.id).sort());

    // …and comes back to disk byte for byte.
    const back = tempDir('mc-copy-back-');
    const home = await runCommand(storageCommand, ['copy', '--to', 'fs'], { ...s3.env, S3_BUCKET: bucket, DATA_DIR: back });
    expect([home.code, home.stderr]).toEqual([0, '']);
    expect(home.stdout).toContain(`Copied ${objects} object(s)`);
    const original = filesUnder(path.join(dataDir, 'items'));
    expect(filesUnder(path.join(back, 'items'))).toEqual(original);
    for (const file of original) expect(readFileSync(path.join(back, 'items', file)).equals(readFileSync(path.join(dataDir, 'items', file))), file).toBe(true);
  });

  it('holds back an item whose object is damaged, naming it, and finishes it once repaired', async () => {
    const { dataDir, manifests } = await diskArchive();
    const bucket = await s3.freshBucket();
    const env = { ...s3.env, S3_BUCKET: bucket, STORAGE: 'fs', DATA_DIR: dataDir };
    const damaged = manifests[1]!.files.find((f) => f.key.endsWith('.txt'))!;
    const file = path.join(dataDir, damaged.key);
    const good = readFileSync(file);
    writeFileSync(file, Buffer.from(good.toString('utf8').replace('U', 'V'))); // same size, other bytes

    const run = await runCli(['storage', 'copy', '--to', 's3'], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^error: 2025-brest-podcast-communs ${damaged.key}: copied with sha256 [0-9a-f]{64} \\(${damaged.size} bytes\\), the manifest says ${damaged.sha256} \\(${damaged.size} bytes\\): the source object is damaged$`)),
    ]);
    expect(run.stdout).toMatch(/^2025-brest-podcast-communs: held back, 1 object\(s\) failed/m);
    expect(run.stdout).toContain('2 of 3 item(s) complete in the target, 1 held back');
    const target = s3.store({ bucket });
    expect(await target.stat(manifestKey('2025-brest-podcast-communs'))).toBeNull();
    expect(await target.stat(damaged.key)).toBeNull(); // its bad copy is not left behind
    expect(await expectNoIncompleteItem(target)).toBe(2);

    writeFileSync(file, good);
    const resumed = await runCommand(storageCommand, ['copy', '--to', 's3'], env);
    expect([resumed.code, resumed.stderr]).toEqual([0, '']);
    expect(resumed.stdout).toContain(`Copied 1 object(s) (0.0 MB) from fs to s3, skipped ${objectCount(manifests) - 1} already there, 0 failed; 3 of 3`);
    await expectComplete(target, manifests, dataDir);
  });

  it('resumes a copy killed midway; meanwhile the target shows only complete items', async () => {
    const { dataDir, manifests } = await diskArchive(25);
    const bucket = await s3.freshBucket();
    const env = { ...s3.env, S3_BUCKET: bucket, STORAGE: 'fs', DATA_DIR: dataDir };
    const copy = startCli(['storage', 'copy', '--to', 's3'], env);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (/: copied /.test(copy.stdout())) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    copy.child.kill('SIGKILL');
    await copy.done;
    const target = s3.store({ bucket });
    const shown = await expectNoIncompleteItem(target);
    expect(shown).toBeGreaterThanOrEqual(1);

    const resumed = await runCommand(storageCommand, ['copy', '--to', 's3'], env);
    expect([resumed.code, resumed.stderr]).toEqual([0, '']);
    const skipped = Number(/skipped (\d+) already there, 0 failed; 25 of 25/.exec(resumed.stdout)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(manifests[0]!.files.length);
    await expectComplete(target, manifests, dataDir);
  });

  it('says plainly what is wrong with the request or the target', async () => {
    const dataDir = tempDir();
    // The CLI's answer to a configuration problem found at run time: exit 2 and one line.
    const denied = await runCli(['storage', 'copy', '--to', 's3'], { ...s3.env, S3_SECRET_ACCESS_KEY: 'wrong', STORAGE: 'fs', DATA_DIR: dataDir });
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(new RegExp(`^error: configuration: S3 bucket mc at ${s3.endpoint}: put \\.probe/\\S+: HTTP 403 SignatureDoesNotMatch: [^\\n]+\\n$`));
    // The others are usage and configuration errors of the command, which the CLI answers the same way (exit 2, a line each).
    expect(await commandRefusal(storageCommand, ['copy', '--to', 'fs'], { DATA_DIR: dataDir, STORAGE: 'fs' }))
      .toBe('UsageError: the archive is already on fs (STORAGE=fs): copy it --to s3, or set STORAGE to the store it is on');
    const unset = await commandRefusal(storageCommand, ['copy', '--to', 's3'], { DATA_DIR: dataDir, STORAGE: 'fs', S3_BUCKET: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' });
    expect(unset).toMatch(/^ConfigError: /);
    expect(unset.replace(/^ConfigError: /, '').split('\n')).toContain('S3_BUCKET: required when STORAGE=s3');
    expect(await commandRefusal(storageCommand, ['move'], { DATA_DIR: dataDir }))
      .toBe('UsageError: storage takes one action: copy --to s3|fs (see mediacommuns storage --help)');
  });
});
