/**
 * What a page costs a visitor on first load: its HTML plus the CSS and JavaScript it references
 * (stylesheets, module scripts and the modules they import), in bytes as sent with
 * `Accept-Encoding: gzip`. hls.js is left out: it loads only where HLS is not native. Images and
 * media are not counted (the budget is for the page's code, as the issue states it).
 */
import http from 'node:http';
import https from 'node:https';
import { gunzipSync } from 'node:zlib';

export const PAGE_BUDGET_BYTES = 60 * 1024;
const EXCLUDED = /\/vendor\/hls(\.min)?\.js$/;

export interface PageWeight {
  path: string;
  /** Bytes on the wire (gzip where the server compressed) of each kind. */
  html: number;
  css: number;
  js: number;
  total: number;
  /** Every counted file with its bytes on the wire, and the size once decompressed. */
  files: { url: string; sent: number; size: number; encoding: string }[];
}

interface Fetched {
  status: number;
  sent: number;
  body: Buffer;
  encoding: string;
}

/** A GET that counts the raw bytes received, before any decompression. */
function getRaw(url: URL): Promise<Fetched> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = String(response.headers['content-encoding'] ?? 'identity');
        try {
          resolve({ status: response.statusCode ?? 0, sent: raw.length, encoding, body: encoding === 'gzip' ? gunzipSync(raw) : raw });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    request.on('error', reject);
  });
}

/** The URLs of the stylesheets and module scripts an HTML page references. */
export function referencedAssets(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1]?.toLowerCase() ?? '';
    const href = /\bhref="([^"]*)"/i.exec(tag)?.[1];
    if (!href) continue;
    if (rel.split(/\s+/).includes('stylesheet')) css.push(href);
    else if (rel === 'modulepreload') js.push(href);
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\bsrc="([^"]*)"/i.exec(tag)?.[1];
    if (src) js.push(src);
  }
  return { css, js };
}

/** Static imports of an ES module (`import … from './x.js'`, `import './x.js'`, `export … from`). */
export function moduleImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]/g)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

export async function pageWeight(base: string, path: string): Promise<PageWeight> {
  const pageUrl = new URL(path, base);
  const page = await getRaw(pageUrl);
  if (page.status !== 200) throw new Error(`${pageUrl.href}: status ${page.status}`);
  const weight: PageWeight = { path, html: page.sent, css: 0, js: 0, total: 0, files: [{ url: pageUrl.href, sent: page.sent, size: page.body.length, encoding: page.encoding }] };
  const html = page.body.toString('utf8');
  const assets = referencedAssets(html);
  const seen = new Set<string>();
  const queue: { url: URL; kind: 'css' | 'js' }[] = [
    ...assets.css.map((href) => ({ url: new URL(href, pageUrl), kind: 'css' as const })),
    ...assets.js.map((src) => ({ url: new URL(src, pageUrl), kind: 'js' as const })),
  ];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || seen.has(next.url.href) || EXCLUDED.test(next.url.pathname)) continue;
    seen.add(next.url.href);
    // Only the site's own files: the pages load nothing from elsewhere (no CDN, no fonts).
    if (next.url.origin !== pageUrl.origin) throw new Error(`${path} loads ${next.url.href} from another origin`);
    const file = await getRaw(next.url);
    if (file.status !== 200) throw new Error(`${path}: ${next.url.href} answered ${file.status}`);
    weight[next.kind] += file.sent;
    weight.files.push({ url: next.url.href, sent: file.sent, size: file.body.length, encoding: file.encoding });
    if (next.kind === 'js') {
      for (const specifier of moduleImports(file.body.toString('utf8'))) {
        if (specifier.startsWith('.') || specifier.startsWith('/')) queue.push({ url: new URL(specifier, next.url), kind: 'js' });
      }
    }
  }
  weight.total = weight.html + weight.css + weight.js;
  return weight;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
