import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MeilisearchIndex } from '../../src/adapters/search-index/meilisearch-index.js';
import { startLocalMeilisearch, type MeiliServer } from '../../src/adapters/search-index/meilisearch-process.js';
import { copySearchFolder } from './sample-search.js';
import { scratchParent } from './scratch.js';

/**
 * A real Meilisearch for one test file: its own temporary folder and free loopback port,
 * started by the app's own launcher and stopped by its PID (never by name: other test files
 * run theirs at the same time).
 */
export interface TestMeili {
  dataDir: string;
  url: string;
  apiKey: string;
  pid: number;
  server: MeiliServer;
  /** An index client on this server, as with MEILI_URL (external mode). */
  connect(options?: { batchSize?: number; requests?: 'parallel' | 'multi-search'; matchedWords?: 'local' | 'asked' }): MeilisearchIndex;
  stop(): Promise<void>;
}

/**
 * `inMemory`: its folder on a tmpfs where there is one (see scratchParent): no task waits for the disk.
 * `from`: a stopped test Meilisearch's folder whose indexes it starts with (a copy; see sample-search.ts).
 */
export async function startTestMeili(options: { inMemory?: boolean; from?: string } = {}): Promise<TestMeili> {
  const parent = options.inMemory ? scratchParent() : tmpdir();
  const dataDir = mkdtempSync(path.join(parent, 'mc-meili-'));
  if (options.from) await copySearchFolder(options.from, dataDir);
  const server = await startLocalMeilisearch({ dataDir });
  if (!server.owned || server.pid === null) throw new Error(`a Meilisearch already runs on ${dataDir}`);
  const clients: MeilisearchIndex[] = [];
  return {
    dataDir,
    url: server.url,
    apiKey: server.apiKey,
    pid: server.pid,
    server,
    connect(options = {}) {
      const index = new MeilisearchIndex({ url: server.url, apiKey: server.apiKey, mode: 'external', ...options });
      clients.push(index);
      return index;
    },
    async stop() {
      for (const client of clients.splice(0)) await client.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
