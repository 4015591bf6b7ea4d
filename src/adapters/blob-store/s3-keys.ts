/**
 * The same keys as the filesystem store accepts: "/"-separated, relative, no empty, "." or ".."
 * segment. S3 itself would take them, but an archive copied back to disk could not hold them.
 */
export function checkKey(key: string): string {
  const segments = key.split('/');
  if (key.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0')) || Buffer.byteLength(key) > 1024) {
    throw new Error(`invalid storage key "${key}"`);
  }
  return key;
}

/** A list prefix is a folder: "items/a" lists items/a/…, never items/ab/…, as on the filesystem. */
export function folderPrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' || trimmed === '.' ? '' : `${checkKey(trimmed)}/`;
}

/** Names starting with a dot are work in progress or probes, hidden from listings as on the filesystem. */
export function isHidden(relativeKey: string): boolean {
  return relativeKey.split('/').some((segment) => segment.startsWith('.'));
}

/** A key as a URL path, each segment percent-encoded ("items/a b/é.txt" → "items/a%20b/%C3%A9.txt"). */
export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
