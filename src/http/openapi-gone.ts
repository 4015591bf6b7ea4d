import { ITEM_KINDS } from '../domain/item.js';
import { json, oneOfValues, str, uri, type JsonSchema, type PathItem } from './openapi-parts.js';

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** The problem+json of a removed item (routes/gone.ts, view-models/gone.ts): RFC 9457 members, then the tombstone's facts. */
const goneSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'title', 'status', 'code', 'detail', 'id', 'purged', 'removedAt'],
  properties: {
    type: str(),
    title: str(),
    status: { type: 'integer', enum: [410] },
    code: { type: 'string', enum: ['gone'] },
    detail: str(),
    id: str(),
    purged: { type: 'boolean', description: 'Removed on a rights or personal-data request: only the id and the date are kept (every other fact is null)' },
    itemTitle: nullable(str()),
    kind: nullable(oneOfValues(ITEM_KINDS)),
    edition: nullable({ type: 'object', required: ['slug', 'label'], properties: { slug: str(), label: str() } }),
    archivedAt: nullable({ type: 'string', format: 'date-time' }),
    removedAt: { type: 'string', format: 'date-time' },
    reason: nullable(str()),
    replacedBy: nullable({ type: 'object', required: ['id', 'url', 'page'], properties: { id: str(), url: uri(), page: uri() } }),
  },
};

export const GONE_RESPONSE = json(goneSchema, 'The item was removed from the archive: its notice (why, when, what replaces it)', 'application/problem+json');
const gone = { $ref: '#/components/responses/Gone' };

/** The addresses that name one item: each answers 410 Gone once the item is removed. */
const ITEM_ADDRESS = /^\/api\/items\/\{id\}|^\/feeds\/chapters\/\{id\}|^\/oembed$/;

/** Every operation on an item's address, with its 410 answer added. */
export function withGoneResponses<P extends Record<string, PathItem>>(paths: P): P {
  return Object.fromEntries(Object.entries(paths).map(([path, item]) => [
    path,
    ITEM_ADDRESS.test(path)
      ? Object.fromEntries(Object.entries(item).map(([method, operation]) => [method, { ...operation, responses: { ...operation.responses, 410: gone } }]))
      : item,
  ])) as P;
}
