import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';

/** How citation.js names the formats it reads (its input plugins). */
const TYPES = { ris: '@ris/file', bib: '@biblatex/text', json: '@else/json' } as const;

export type CslRead = Record<string, unknown> & {
  type: string;
  title?: string;
  author?: { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string }[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  note?: string;
};

/**
 * A citation file read by an independent library, citation.js (the engine behind many
 * reference tools), as CSL items: what another program gets out of what the archive wrote.
 * The format is forced, so a file it would not recognise fails here rather than being guessed.
 */
export function readCitationFile(text: string, format: keyof typeof TYPES): CslRead[] {
  return new Cite(text, { forceType: TYPES[format] }).data as CslRead[];
}

/** The reference as a CSL style formats it (APA), to see that a style can use what was read. */
export function formatWithStyle(items: readonly CslRead[], lang: string): string {
  return new Cite(items).format('bibliography', { format: 'text', template: 'apa', lang });
}

/** "Family, Given" of each author as read. */
export function authorNames(item: CslRead): string[] {
  return (item.author ?? []).map((a) => a.literal ?? [[a['non-dropping-particle'], a.family].filter(Boolean).join(' '), a.given].filter(Boolean).join(', '));
}
