import { LOCALES } from './locale.js';
import { arr, oneOfValues, str, type JsonSchema } from './openapi-schemas.js';

export { arr, int, oneOfValues, ref, SCHEMAS, str, uri, type JsonSchema } from './openapi-schemas.js';

/** The pieces every path of the OpenAPI document is written with (openapi.ts and the paths of each feature). */
export interface Parameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: JsonSchema;
  explode?: boolean;
}

/** A path's operations: the API reads with GET; the few writes (POST) have paths of their own. */
export type PathItem = Partial<Record<'get' | 'post', Operation>>;

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  /** What a POST takes. */
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
}

/** Most list-like parameters may be repeated (`?theme=a&theme=b`): any of the values matches. */
export const many = (name: string, description: string, items: JsonSchema = str()): Parameter => ({
  name, in: 'query', description, schema: { anyOf: [items, arr(items)] }, explode: true,
});
export const query = (name: string, description: string, schema: JsonSchema, required = false): Parameter => ({ name, in: 'query', description, schema, ...(required ? { required } : {}) });
export const json = (schema: JsonSchema, description: string, type = 'application/json'): JsonSchema => ({ description, content: { [type]: { schema } } });
export const problem = { $ref: '#/components/responses/Problem' };
export const lang = query('lang', 'Language of names, page URLs and the attribution text', oneOfValues(LOCALES));
export const text = (type: string, description: string): JsonSchema => json({ type: 'string' }, description, type);

