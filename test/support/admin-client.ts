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

  constructor(readonly baseUrl: string) {}

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

  private async request(path: string, init: RequestInit): Promise<AdminResponse> {
    const cookie = this.cookieHeader(path);
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.keep(line);
    const text = await response.text();
    const token = /name="_csrf" value="([^"]*)"/.exec(text)?.[1];
    if (token) this.lastCsrf = token;
    return { status: response.status, headers: response.headers, text };
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
