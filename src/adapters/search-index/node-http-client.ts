import http from 'node:http';
import https from 'node:https';

/** A non-2xx answer of Meilisearch, with its own error code ("index_not_found"…) when it gave one. */
export class MeiliHttpError extends Error {
  override name = 'MeiliHttpError';
  constructor(readonly status: number, readonly meiliCode: string | null, message: string) {
    super(message);
  }
}

export interface NodeHttpClient {
  /** The `httpClient` the meilisearch client accepts in place of fetch. */
  request: (input: string | URL | Request, init?: RequestInit) => Promise<unknown>;
  /**
   * A JSON body POSTed to `url` with `headers` as given, the answer parsed: what a search sends,
   * without the client's per-call work (URL and Headers objects cost more than the call itself
   * at hundreds of searches a second).
   */
  postJson: (url: string, body: string, headers: Readonly<Record<string, string>>) => Promise<unknown>;
  close(): void;
}

/**
 * The transport for the meilisearch client, on node:http with a keep-alive agent. Node's fetch
 * added ~45 ms to every search here (a Nagle/delayed-ACK stall, see MEASURED.md); plain
 * node:http with reused sockets and TCP_NODELAY answers in the server's own time.
 */
export function createNodeHttpClient(options: { timeoutMs?: number; maxSockets?: number } = {}): NodeHttpClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 }),
  };
  /** Resolves with the parsed JSON of a 2xx answer; rejects with MeiliHttpError otherwise. */
  const answer = (resolve: (value: unknown) => void, reject: (error: unknown) => void) => (res: http.IncomingMessage): void => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) return resolve(json);
      const error = (json ?? {}) as { message?: string; code?: string };
      reject(new MeiliHttpError(status, error.code ?? null, error.message ?? `HTTP ${status} ${text.slice(0, 200)}`));
    });
  };
  // Ours covers a server that stops answering.
  const timeOut = (req: http.ClientRequest): void => {
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
  };
  const request = (input: string | URL | Request, init: RequestInit = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key] = value));
      const body = typeof init.body === 'string' ? Buffer.from(init.body) : null;
      if (body) headers['content-length'] = String(body.length);
      // The client reuses one signal across the polls of a task: the listener must go with the request.
      const abort = (): void => void req.destroy(new Error('request aborted'));
      const req = (protocol === 'https:' ? https : http).request(
        url,
        { method: init.method ?? 'GET', headers, agent: agents[protocol], timeout: timeoutMs },
        answer(resolve, reject),
      );
      // The client's own timeout aborts through the signal.
      timeOut(req);
      req.on('error', reject);
      req.on('close', () => init.signal?.removeEventListener('abort', abort));
      init.signal?.addEventListener('abort', abort, { once: true });
      req.setNoDelay(true);
      req.end(body ?? undefined);
    });
  // A search posts to the same few URLs hundreds of times a second: each is parsed once.
  type Target = { hostname: string; port: string; path: string; secure: boolean };
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      const secure = parsed.protocol === 'https:';
      target = { hostname: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port || (secure ? '443' : '80'), path: `${parsed.pathname}${parsed.search}`, secure };
      if (targets.size < 64) targets.set(url, target);
    }
    return target;
  };
  const postJson = (url: string, body: string, headers: Readonly<Record<string, string>>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const { hostname, port, path, secure } = targetOf(url);
      const req = (secure ? https : http).request({
        hostname, port, path,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        agent: agents[secure ? 'https:' : 'http:'],
        timeout: timeoutMs,
      }, answer(resolve, reject));
      timeOut(req);
      req.on('error', reject);
      req.setNoDelay(true);
      req.end(body);
    });
  return {
    request,
    postJson,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
