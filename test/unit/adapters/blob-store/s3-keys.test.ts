import { describe, expect, it } from 'vitest';
import { checkKey, encodeKeyPath, folderPrefix, isHidden } from '../../../../src/adapters/blob-store/s3-keys.js';

describe('S3 keys', () => {
  it('accepts what the filesystem store accepts, and nothing else', () => {
    expect(checkKey('items/a b/é.txt')).toBe('items/a b/é.txt');
    for (const key of ['../x', 'items/../x', '/abs', 'items//x', 'items/./x', 'a\\b', 'x'.repeat(1025)]) expect(() => checkKey(key)).toThrow(/invalid storage key/);
  });

  it('treats a list prefix as a folder and hides dot names', () => {
    expect([folderPrefix(''), folderPrefix('items'), folderPrefix('items/a/'), folderPrefix('.')]).toEqual(['', 'items/', 'items/a/', '']);
    expect([isHidden('a/.b/c'), isHidden('.probe/x'), isHidden('a/b.c')]).toEqual([true, true, false]);
    expect(encodeKeyPath('items/a b/é#?.txt')).toBe('items/a%20b/%C3%A9%23%3F.txt');
  });
});
