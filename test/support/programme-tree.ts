import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DocumentTool } from '../../src/ports/document-tool.js';
import type { MediaTool } from '../../src/ports/media-tool.js';

/** Writes files (text or bytes) into a fresh temporary folder and returns it; "name/" makes a folder. */
export async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mc-programme-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    if (name.endsWith('/')) {
      await mkdir(path, { recursive: true });
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }
  return root;
}

const notCalled = (): Promise<never> => Promise.reject(new Error('a programme must not probe media'));

/** Reading a programme file never probes media: these tools fail the test if it does. */
export const noMedia: MediaTool = { probe: notCalled, run: notCalled, check: notCalled };
export const noDocuments: DocumentTool = { info: notCalled, renderPage: notCalled, renderPages: notCalled, pageTexts: notCalled, check: notCalled };
