import { request as httpRequest } from 'node:http';
import { addOperator } from '../../src/services/operators/operators.js';
import type { BlobStore } from '../../src/ports/blob-store.js';

/** One cookie as a browser keeps it: sent on requests whose path is its path or below it. */
interface KeptCookie {
  name: string;
  value: string;
  path: string;
}

export interface AdminResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * A browser-like client of the console: keeps the cookies the site sets (by path, as browsers
 * do), reads the `_csrf` field of the page it was last given, posts urlencoded forms.
 */
export class AdminClient {
  readonly cookies: KeptCookie[] = [];
  lastCsrf: string | null = null;

  /** `localAddress`: the address the requests come from (any of 127.0.0.0/8 on Linux), as another visitor's would. */
  constructor(readonly baseUrl: string, readonly localAddress?: string) {}

  async get(path: string): Promise<AdminResponse> {
    return this.request(path, { method: 'GET' });
  }

  /** Posts a form; `_csrf` is the last page's token unless the form gives its own (or `null`: none). */
  async post(path: string, form: Record<string, string | null>): Promise<AdminResponse> {
    const body = new URLSearchParams();
    const withToken = { _csrf: this.lastCsrf, ...form };
    for (const [key, value] of Object.entries(withToken)) if (value !== null) body.append(key, value);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** The sign-in page, then its form: the response to the POST (303 when signed in). */
  async signIn(name: string, password: string, base = '/admin'): Promise<AdminResponse> {
    await this.get(`${base}/session`);
    return this.post(`${base}/session`, { name, password });
  }

  cookieHeader(path: string): string {
    return this.cookies
      .filter((c) => path === c.path || path.startsWith(`${c.path}/`) || path.startsWith(`${c.path}?`))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private async request(path: string, init: { method: string; body?: URLSearchParams; headers?: Record<string, string> }): Promise<AdminResponse> {
    const cookie = this.cookieHeader(path);
    const body = init.body?.toString();
    const headers: Record<string, string> = { ...init.headers, ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) };
    // node:http rather than fetch: it can send from another local address (per-address limits).
    const response = await new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
      const req = httpRequest(`${this.baseUrl}${path}`, { method: init.method, headers, ...(this.localAddress ? { localAddress: this.localAddress } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const all = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) all.append(name, one);
          }
          resolve({ status: res.statusCode ?? 0, headers: all, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
    for (const line of response.headers.getSetCookie()) this.keep(line);
    const token = /name="_csrf" value="([^"]*)"/.exec(response.text)?.[1];
    if (token) this.lastCsrf = token;
    return response;
  }

  private keep(line: string): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at);
    const value = pair!.slice(at + 1);
    const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
    const maxAge = attributes.find((a) => /^max-age=/i.test(a));
    const index = this.cookies.findIndex((c) => c.name === name && c.path === path);
    if (index >= 0) this.cookies.splice(index, 1);
    if (maxAge === undefined || Number(maxAge.slice(8)) > 0) this.cookies.push({ name, value, path });
  }
}

/** Adds an operator to the store (as `mediacommuns operator add` does) and signs a new client in as them. */
export async function signedInClient(baseUrl: string, store: BlobStore, name = 'camille', password = 'un mot de passe assez long'): Promise<AdminClient> {
  await addOperator(store, name, password);
  const client = new AdminClient(baseUrl);
  const answer = await client.signIn(name, password);
  if (answer.status !== 303) throw new Error(`sign-in as ${name} answered ${answer.status}`);
  await client.get('/admin');
  return client;
}
