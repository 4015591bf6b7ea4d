import type { ManifestFields } from '../../domain/manifest.js';
import type { WithinResult } from '../../services/search/search-service.js';
import { iiifResourceUrl, iiifSearchUrl } from '../urls.js';
import { pageCanvasId, recordingCanvasId, timeFragment } from './iiif-canvases.js';
import { SEARCH_CONTEXT } from './iiif-parts.js';

/**
 * A IIIF Content Search 2.0 answer (/iiif/<id>/search?q=…): an AnnotationPage of `highlighting`
 * annotations, one per passage found, each with the passage's text as its body and as its target
 * the item's Canvas at the cue where the first matched word is said (`#t=START,END`, the same
 * second /api/search gives), or the document page's Canvas. Annotations are numbered in the
 * order of relevance.
 */
/** The most passages one content search answers with, best first: more than a person reads through. */
export const MAX_IIIF_SEARCH_HITS = 200;

export interface IiifSearchAnswer {
  '@context': string;
  id: string;
  type: 'AnnotationPage';
  items: {
    id: string;
    type: 'Annotation';
    motivation: 'highlighting';
    body: { type: 'TextualBody'; value: string; format: 'text/plain'; language: string[] };
    target: string;
  }[];
}

export function iiifSearchAnswer(manifest: ManifestFields, result: WithinResult, origin: string): IiifSearchAnswer {
  const canvas = recordingCanvasId(origin, manifest.id);
  const items = result.passages.flatMap((passage, index) => {
    // A talk's slides given as a PDF have pages but no time: no place on the recording's Canvas
    // (the PDF is the manifest's `rendering`); what was read on screen has its times (slide OCR).
    const target = manifest.media.class === 'document'
      ? (passage.page !== null ? pageCanvasId(origin, manifest.id, passage.page) : null)
      : passage.start !== null
        ? timeFragment(canvas, passage.start, passage.end ?? passage.start)
        : null;
    if (target === null) return [];
    return [{
      id: `${origin}${iiifResourceUrl(manifest.id, 'search', 'annotation', index + 1)}`,
      type: 'Annotation' as const,
      motivation: 'highlighting' as const,
      body: { type: 'TextualBody' as const, value: passage.text, format: 'text/plain' as const, language: [passage.language] },
      target,
    }];
  });
  return { '@context': SEARCH_CONTEXT, id: `${origin}${iiifSearchUrl(manifest.id, result.query)}`, type: 'AnnotationPage', items };
}
