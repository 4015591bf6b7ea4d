import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHttpClient, MeiliHttpError } from '../../../../src/adapters/search-index/node-http-client.js';

/** The transport a search's calls go through, against a local server that echoes what it got. */
describe('the node:http client’s JSON POST', () => {
  let server: http.Server;
  let base: string;
  const client = createNodeHttpClient();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.url === '/refused') {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'invalid_search_filter', message: 'bad filter' }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
          path: req.url, body: JSON.parse(body) as unknown, type: req.headers['content-type'], length: req.headers['content-length'], auth: req.headers.authorization,
        }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    client.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the body as JSON with its length and the given headers, and parses the answer', async () => {
    const body = JSON.stringify({ q: 'médiation', limit: 5 });
    expect(await client.postJson(`${base}/indexes/segments/search`, body, { authorization: 'Bearer k' })).toEqual({
      path: '/indexes/segments/search', body: { q: 'médiation', limit: 5 }, type: 'application/json', length: String(Buffer.byteLength(body)), auth: 'Bearer k',
    });
  });

  it('rejects a refusal with Meilisearch’s code and message, and a server that is not there with the network’s code', async () => {
    const refused = await client.postJson(`${base}/refused`, '{}', {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MeiliHttpError);
    expect(refused).toMatchObject({ status: 400, meiliCode: 'invalid_search_filter', message: 'bad filter' });
    await expect(client.postJson('http://127.0.0.1:1/indexes/x/search', '{}', {})).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
