import { MAX_EVENT_BYTES } from '../services/stats/stats-event.js';
import { problem, type JsonSchema, type Operation } from './openapi-parts.js';

const itemId: JsonSchema = { type: 'string', minLength: 1, maxLength: 200, description: 'The item played (its id, as in /api/items/{id})' };
const lang: JsonSchema = { type: 'string', pattern: '^[a-z]{2,3}$', description: 'The language of the page the player is on' };

const eventSchema: JsonSchema = {
  oneOf: [
    {
      type: 'object', additionalProperties: false, required: ['type', 'item'],
      description: 'A play: sent once ten seconds of the recording have been heard',
      properties: { type: { const: 'play' }, item: itemId, lang },
    },
    {
      type: 'object', additionalProperties: false, required: ['type', 'item', 'quartile'],
      description: 'How far the play went: 1, 2, 3 for a quarter, half, three quarters of the recording, 4 for its end; each once per page view',
      properties: { type: { const: 'progress' }, item: itemId, quartile: { type: 'integer', minimum: 1, maximum: 4 }, lang },
    },
  ],
};

/** The player's reports to the statistics, spread into the document's paths by openapi.ts. */
export const EVENT_PATHS: Record<string, { post: Operation }> = {
  '/api/events': { post: {
    operationId: 'postEvent', tags: ['statistics'], summary: 'Count a play, or how far it went',
    description:
      'What the site’s player sends with navigator.sendBeacon. Only daily totals per item are kept: no cookie is set and nothing that ' +
      'identifies a person is stored (a visitor is counted once a day by a hash of address, user agent and a salt that changes daily and ' +
      `is never stored). Robots and prefetches get the same answer and are not counted. The body (at most ${MAX_EVENT_BYTES} bytes) is ` +
      'JSON, sent as application/json or text/plain; any other field or value is refused.',
    requestBody: { required: true, content: { 'application/json': { schema: eventSchema }, 'text/plain': { schema: eventSchema } } },
    responses: {
      204: { description: 'Counted (or, for a robot or a prefetch, ignored)' },
      400: problem,
      404: problem,
      413: problem,
    },
  } },
};
