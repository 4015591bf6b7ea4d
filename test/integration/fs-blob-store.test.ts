import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { blobStoreContract } from '../contract/blob-store-contract.js';

const roots: string[] = [];
const freshRoot = (): string => {
  const root = mkdtempSync(path.join(tmpdir(), 'mc-fs-store-'));
  roots.push(root);
  return root;
};
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

blobStoreContract('filesystem', async () => new FsBlobStore(freshRoot()));

it('leaves no temporary file behind and prunes emptied folders', async () => {
  const root = freshRoot();
  const store = new FsBlobStore(root);
  await store.putBuffer('items/e/images/poster.jpg', 'jpg', 'image/jpeg');
  expect(readdirSync(path.join(root, 'items/e/images'))).toEqual(['poster.jpg']);
  await store.delete('items/e/images/poster.jpg');
  expect(readdirSync(root)).toEqual([]);
});
