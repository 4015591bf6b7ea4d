import { describe, expect, it } from 'vitest';
import { withGoneResponses } from '../../../src/http/openapi-gone.js';
import { openApiDocument } from '../../../src/http/openapi.js';
import type { Operation } from '../../../src/http/openapi-parts.js';

const operation = (operationId: string): { get: Operation } => ({ get: { operationId, summary: operationId, tags: [], responses: { 200: { description: 'ok' } } } });

describe('withGoneResponses', () => {
  it('adds the 410 answer to the addresses of one item, and to nothing else', () => {
    const paths = withGoneResponses({
      '/api/items': operation('list'),
      '/api/items/{id}': operation('item'),
      '/api/items/{id}/clip.mp4': operation('clip'),
      '/feeds/chapters/{id}.json': operation('chapters'),
      '/oembed': operation('oembed'),
      '/api/search': operation('search'),
    });
    const with410 = Object.entries(paths).filter(([, item]) => '410' in item.get.responses).map(([path]) => path);
    expect(with410).toEqual(['/api/items/{id}', '/api/items/{id}/clip.mp4', '/feeds/chapters/{id}.json', '/oembed']);
    expect(paths['/api/items/{id}']?.get.responses).toEqual({ 200: { description: 'ok' }, 410: { $ref: '#/components/responses/Gone' } });
  });

  it('is applied to the served document, whose components hold the Gone answer', () => {
    const doc = openApiDocument('https://archives.example');
    expect(doc.paths['/api/items/{id}']?.get?.responses['410']).toEqual({ $ref: '#/components/responses/Gone' });
    expect(doc.paths['/api/items/{id}/citation.ris']?.get?.responses['410']).toBeDefined();
    expect(doc.paths['/api/items']?.get?.responses['410']).toBeUndefined();
    expect(doc.components.responses.Gone).toMatchObject({ content: { 'application/problem+json': { schema: { type: 'object' } } } });
  });
});
