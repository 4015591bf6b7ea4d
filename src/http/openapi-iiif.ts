import { json, problem, query, str, type JsonSchema, type Operation, type Parameter } from './openapi-parts.js';
import { PRESENTATION_TYPE, SEARCH_TYPE } from './view-models/iiif-parts.js';
import { MAX_IIIF_SEARCH_HITS } from './view-models/iiif-search.js';

/** The IIIF paths (Presentation 3.0, Content Search 2.0), spread into the document's paths by openapi.ts. */
const id: Parameter = { name: 'id', in: 'path', required: true, description: 'Item identifier', schema: str() };

/** JSON-LD whose shape the IIIF specification defines (linked rather than repeated here). */
const ld = (type: string, spec: string, description: string): JsonSchema =>
  json({ type: 'object', description: `See ${spec}`, externalDocs: { url: spec } }, description, type);

const PRESENTATION_SPEC = 'https://iiif.io/api/presentation/3.0/';
const SEARCH_SPEC = 'https://iiif.io/api/search/2.0/';
const OPEN = 'Open to any origin (CORS *), cached for a minute with an ETag.';

export const IIIF_PATHS: Record<string, { get: Operation }> = {
  '/iiif/{id}/manifest.json': { get: {
    operationId: 'getIiifManifest', tags: ['iiif'], summary: 'An item as a IIIF Presentation 3.0 Manifest',
    description:
      'A recording is one Canvas with its `duration` (and size for a video), painted with a Choice of the MP4 (video) or M4A (sound) download and the HLS master playlist; ' +
      'its captions, subtitles, text audio descriptions and transcripts supplement it as WebVTT files (`language` set); chapters are Ranges targeting `<canvas>#t=START,END`; the poster is the `thumbnail`. ' +
      'A document is one Canvas per page, painted with the page image the archive stores (WebP, 640 px wide) and supplemented by the page’s text (TextualBody); the PDF is in `rendering`. ' +
      '`rights` is the Creative Commons licence URI (none for the Etalab Licence Ouverte, which IIIF’s list does not include: it is named in `metadata` and `requiredStatement`); ' +
      '`requiredStatement` is the credit to give, in French and English; `homepage` the item’s pages; `seeAlso` /api/items/{id} and the text files. ' +
      `Items with text declare their content search as a SearchService2 \`service\`. ${OPEN}`,
    parameters: [id],
    responses: { 200: ld(PRESENTATION_TYPE, PRESENTATION_SPEC, 'The Manifest'), 404: problem },
  } },
  '/iiif/{id}/search': { get: {
    operationId: 'searchIiif', tags: ['iiif'], summary: 'IIIF Content Search 2.0 inside one item',
    description:
      `An AnnotationPage of \`highlighting\` annotations, one per passage that matches (at most ${MAX_IIIF_SEARCH_HITS}, best first), the passage’s text as body, ` +
      'targeting the Canvas at `#t=START,END` — the cue in which the first matched word is said, the second /api/search gives — or the document page’s Canvas. ' +
      `Served from the search index, as the site’s search (same words, typos and synonyms). ${OPEN}`,
    parameters: [id, query('q', 'Words to find', str(), true)],
    responses: { 200: ld(SEARCH_TYPE, SEARCH_SPEC, 'The matching passages'), 400: problem, 404: problem, 503: problem },
  } },
  '/iiif/collection.json': { get: {
    operationId: 'getIiifArchiveCollection', tags: ['iiif'], summary: 'The archive as a IIIF Collection of its editions, newest first',
    description: OPEN,
    responses: { 200: ld(PRESENTATION_TYPE, PRESENTATION_SPEC, 'The Collection') },
  } },
  '/iiif/editions/{slug}/collection.json': { get: {
    operationId: 'getIiifEditionCollection', tags: ['iiif'], summary: 'An edition as a IIIF Collection of its items’ Manifests',
    description: OPEN,
    parameters: [{ name: 'slug', in: 'path', required: true, description: 'Edition slug ("2025-strasbourg")', schema: str() }],
    responses: { 200: ld(PRESENTATION_TYPE, PRESENTATION_SPEC, 'The Collection'), 404: problem },
  } },
};
