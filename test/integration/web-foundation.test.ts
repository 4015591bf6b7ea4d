import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestKey, type Manifest } from '../../src/domain/manifest.js';
import { mediaUrl } from '../../src/http/urls.js';
import { cuesOf } from '../support/search-archive.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

/** What every page and file of the site shares: headers, errors, the media route's limits. */
describe('web foundation', () => {
  let site: TestWeb;
  let manifest: Manifest;

  beforeAll(async () => {
    site = await startTestWeb([
      { id: '2025-strasbourg-guichet', kind: 'talk', title: 'Au guichet', transcripts: [{ cues: cuesOf(['Bonjour.', 'Voici le guichet.']) }] },
    ]);
    manifest = JSON.parse((await site.store.getBuffer(manifestKey('2025-strasbourg-guichet')))!.toString('utf8')) as Manifest;
  });
  afterAll(async () => site?.close());

  it('answers the health check', async () => {
    const response = await site.fetch('/healthz');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ status: 'ok' });
  });

  it('sends a strict Content-Security-Policy without inline scripts, and frame rules per route', async () => {
    const page = await site.fetch('/page-qui-n-existe-pas');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'self'");
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('x-powered-by')).toBeNull();
    const embed = await site.fetch('/embed/inconnu');
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
  });

  it('answers unknown pages with an accessible 404 page in the visitor\'s language', async () => {
    const fr = await site.fetch('/nulle-part');
    expect(fr.status).toBe(404);
    expect(fr.text).toContain('<html lang="fr"');
    expect(fr.text).toContain('Page introuvable');
    expect(fr.text).toMatch(/<h1>Page introuvable<\/h1>/);
    const en = await site.fetch('/en/nowhere');
    expect(en.status).toBe(404);
    expect(en.text).toContain('<html lang="en"');
    expect(en.text).toContain('Page not found');
    expect(en.headers.get('cache-control')).toBe('no-store');
  });

  it('serves listed files with ranges, a strong ETag and a year of caching', async () => {
    const file = manifest.files.find((f) => f.key.endsWith('.vtt'))!;
    const whole = await site.fetch(mediaUrl(file.key));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toContain('text/plain');
    expect(whole.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(whole.headers.get('etag')).toBe(`"${file.sha256}"`);
    expect(whole.text.length).toBe(file.size);
    const part = await site.fetch(mediaUrl(file.key), { headers: { Range: 'bytes=0-5' } });
    expect(part.status).toBe(206);
    expect(part.text).toBe(whole.text.slice(0, 6));
    expect(part.headers.get('content-range')).toBe(`bytes 0-5/${file.size}`);
    // fetch() adds "Cache-Control: no-cache" to conditional requests unless told otherwise (Fetch spec).
    const again = await site.fetch(mediaUrl(file.key), { headers: { 'If-None-Match': `"${file.sha256}"`, 'Cache-Control': 'max-age=0' } });
    expect(again.status).toBe(304);
  });

  it('serves nothing that a manifest does not list: no traversal, no manifest, no work folder', async () => {
    const dataDir = site.store.root;
    const probes = [
      '/media/items/../../../../etc/passwd',
      '/media/items/%2e%2e/%2e%2e/etc/passwd',
      '/media/..%2f..%2fetc%2fpasswd',
      `/media/${manifestKey('2025-strasbourg-guichet')}`,
      '/media/.work/anything',
      '/media/items/2025-strasbourg-guichet',
      '/media/',
    ];
    for (const probe of probes) {
      const response = await site.fetch(probe);
      expect([400, 404], probe).toContain(response.status);
      expect(response.text).not.toContain('root:');
    }
    expect(readFileSync(`${dataDir}/${manifestKey('2025-strasbourg-guichet')}`, 'utf8')).toContain('guichet');
  });
});
