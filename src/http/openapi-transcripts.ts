import { LICENCE_IDS } from '../domain/licence.js';
import { PASSAGE_SOURCES } from '../domain/text.js';
import { LOCALES } from './locale.js';
import { arr, oneOfValues, problem, query, str, uri, type JsonSchema, type Operation, type Parameter } from './openapi-parts.js';
import { bool, num, obj, orNull } from './openapi-schemas.js';
import { TRANSCRIPT_FORMATS } from './view-models/text-files/text-files.js';

/** The paths of an item's text as files: transcripts in six formats, slide text, PDF pages. */
const id: Parameter = { name: 'id', in: 'path', required: true, description: 'Item identifier', schema: str() };

const HEADER =
  'Each file opens with where it comes from: title, speakers, edition, date, the page’s permanent URL, licence, the credit to give, and whether the text was reviewed by a person or made automatically. ';
const LABELS =
  `The header’s labels are in the text’s language when the site has it (${LOCALES.join(', ')}), else in French.`;

const paragraph = obj({ start: num('Seconds'), end: num('Seconds'), speaker: orNull(str()), text: str() });
const cue = obj({ start: num('Seconds'), end: num('Seconds'), speaker: orNull(str('From a WebVTT voice span or a diarised engine')), text: str('Plain text; lines joined with "\\n"') });

const TRANSCRIPT_JSON: JsonSchema = obj({
  source: obj({
    id: str(),
    title: str(),
    speakers: arr(obj({ name: str(), organisation: orNull(str()) })),
    edition: obj({ label: str('"2025 Strasbourg"'), slug: str() }),
    date: orNull(str('ISO 8601 date')),
    url: uri('The item’s page'),
    licence: obj({ id: oneOfValues(LICENCE_IDS), name: str(), url: uri() }),
    attribution: str('The credit line to copy (title, speakers, event, URL, licence)'),
    language: str('BCP 47 tag of the transcript'),
    reviewed: bool('Supplied captions checked by a person (true) or speech-to-text (false)'),
    origin: oneOfValues(PASSAGE_SOURCES),
    note: str('The same, as a sentence in `labelsLanguage`'),
    labelsLanguage: oneOfValues(LOCALES),
  }),
  paragraphs: arr(paragraph, 'Speaker turns of about 20–40 s, as the item’s page shows them'),
  cues: arr(cue, 'Every cue as stored, exact times'),
});

const FORMAT_NOTES = [
  'txt: plain UTF-8 (shown inline): the header, then paragraphs "[12:34] Speaker: words".',
  'md: Markdown (attachment): the title as a heading, the header as a list, paragraphs with their time and speaker in bold; text from people is escaped.',
  'docx: Word (attachment): Title, a table of the header, paragraphs with bold times and speakers; title, author (the speakers) and subject in the document properties.',
  'vtt: WebVTT (attachment): the header as a NOTE block, every stored cue with its exact times, speakers as voice spans (<v Name>).',
  'srt: SubRip (attachment): cues only — SubRip has no comments and no voices, so neither the header nor speaker names are in it (use vtt).',
  'json: the provenance as fields, the paragraphs and the cues (shown inline).',
].join(' ');

const fileResponses = (types: Record<string, JsonSchema>): Record<string, JsonSchema> => ({
  200: { description: 'The file, named in Content-Disposition ("<id>.<language>.<format>")', content: types },
  400: problem,
  404: problem,
});

export const transcriptPaths: Record<string, { get: Operation }> = {
  '/api/items/{id}/transcript.{format}': { get: {
    operationId: 'getTranscriptFile', tags: ['items'], summary: 'An item’s transcript as a file to read, print or reuse',
    description: `${HEADER}${LABELS} ${FORMAT_NOTES} 404 when the item, the format or a transcript in \`lang\` does not exist (the problem’s detail lists the languages there are).`,
    parameters: [
      id,
      { name: 'format', in: 'path', required: true, description: 'File format', schema: oneOfValues(TRANSCRIPT_FORMATS) },
      query('lang', 'Language of the transcript (BCP 47; "fr" also finds "fr-CA"). Default: as the item’s page chooses — French, else the item’s language, else the first', str()),
    ],
    responses: fileResponses({
      'text/plain': { schema: { type: 'string' } },
      'text/markdown': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', contentMediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } },
      'text/vtt': { schema: { type: 'string' } },
      'application/x-subrip': { schema: { type: 'string' } },
      'application/json': { schema: TRANSCRIPT_JSON },
    }),
  } },
  '/api/items/{id}/slides.txt': { get: {
    operationId: 'getSlideText', tags: ['items'], summary: 'The text read on a talk’s slides, each with the moment it appears ("[12:34]")',
    description: `${HEADER}Slide text is read automatically (OCR). 404 when the item has no slide text.`,
    parameters: [id, query('lang', 'Language of the header’s labels; default: the text’s language when the site has it, else French', oneOfValues(LOCALES))],
    responses: fileResponses({ 'text/plain': { schema: { type: 'string' } } }),
  } },
  '/api/items/{id}/pages.txt': { get: {
    operationId: 'getPageText', tags: ['items'], summary: 'The text of a PDF page by page ("— Page 3 —"): a document, or a talk’s slides as a PDF',
    description: `${HEADER}404 when the item has no PDF text.`,
    parameters: [id, query('lang', 'Language of the header’s labels; default: the text’s language when the site has it, else French', oneOfValues(LOCALES))],
    responses: fileResponses({ 'text/plain': { schema: { type: 'string' } } }),
  } },
};

