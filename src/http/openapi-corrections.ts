import { CORRECTION_LIMITS } from '../services/corrections/suggest-correction.js';
import { SUGGESTIONS_PER_HOUR } from './routes/corrections.js';
import { problem, str, type JsonSchema, type Operation } from './openapi-parts.js';

const id = { name: 'id', in: 'path' as const, required: true, description: 'Item identifier', schema: str() };
const optional = (maxLength: number, description: string): JsonSchema => ({ type: ['string', 'null'], maxLength, description });

const suggestion: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['start', 'text'],
  properties: {
    start: { type: 'number', minimum: 0, description: 'A second inside the passage corrected: the passage (as the item’s page shows it) that contains it', examples: [12.3] },
    text: { type: 'string', minLength: 1, maxLength: CORRECTION_LIMITS.text, description: 'The passage’s whole text as it should read (line breaks become spaces)' },
    speaker: optional(CORRECTION_LIMITS.speaker, 'The name of the person speaking in the passage, when it is wrong or missing'),
    note: optional(CORRECTION_LIMITS.note, 'A note for the team (a source for a name); never published'),
    language: optional(35, 'The transcript’s language (BCP 47) when the item has several; default the item’s own'),
  },
};
const form: JsonSchema = {
  type: 'object', required: ['start', 'text', 'stamp'],
  properties: {
    ...suggestion.properties as Record<string, JsonSchema>,
    start: { type: 'string', description: 'As in JSON, in seconds' },
    stamp: { type: 'string', description: 'The signed time the form was shown (a hidden field of the form page): refused when sent back within seconds or after a day' },
    locale: { type: 'string', description: 'The language of the thank-you page' },
    website: { type: 'string', description: 'Left empty by people (hidden): a form with it filled is answered as taken and kept nowhere' },
  },
};

/** The public's suggested corrections of transcripts, spread into the document's paths by openapi.ts. */
export const CORRECTION_PATHS: Record<string, { post: Operation }> = {
  '/api/items/{id}/corrections': { post: {
    operationId: 'suggestCorrection', tags: ['corrections'], summary: 'Suggest a correction of a transcript passage',
    description:
      'Kept as pending until a person of the team accepts (possibly edited), rejects or marks it as spam; an accepted one makes a new revision of ' +
      'the transcript (the times stay, the words change). No account and no cookie. JSON answers 202 with the suggestion’s id; the form of the ' +
      `site’s correction page answers 303 to its thank-you page. At most ${SUGGESTIONS_PER_HOUR} suggestions per address and hour (then 429 with Retry-After); ` +
      'a body over 16 KB is a 413. A bad field is a 400 whose detail starts with the field’s name.',
    parameters: [id],
    requestBody: { required: true, content: { 'application/json': { schema: suggestion }, 'application/x-www-form-urlencoded': { schema: form } } },
    responses: {
      202: { description: 'Kept, pending review', content: { 'application/json': { schema: {
        type: 'object', required: ['id', 'state', 'start', 'end'],
        properties: { id: { type: 'string' }, state: { const: 'pending' }, start: { type: 'number', description: 'The passage’s start, seconds' }, end: { type: 'number' } },
      } } } },
      303: { description: 'The form was taken: see the thank-you page (Location)' },
      400: problem,
      404: problem,
      413: problem,
      429: problem,
    },
  } },
};
