import type { ManifestFields } from '../../../domain/manifest.js';
import { translate } from '../../i18n/messages.js';
import type { Locale } from '../../locale.js';
import { itemApiUrl } from '../../urls.js';
import { TRANSCRIPT_FORMATS } from './text-files.js';

export interface TextFileLink {
  href: string;
  text: string;
  /** The file's media type, for the link's `type`. */
  type: string;
}

/** The page's links to the text files: the transcript shown in every format, the slide text, the PDF's pages. */
export interface TextFileLinks {
  transcript: (TextFileLink & { hreflang: string })[];
  slides: TextFileLink | null;
  pages: TextFileLink | null;
}

const TYPES: Record<(typeof TRANSCRIPT_FORMATS)[number], string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  json: 'application/json',
};

/** Reading formats first (text, Markdown, Word), then subtitles and data. */
const ORDER = ['txt', 'md', 'docx', 'vtt', 'srt', 'json'] as const satisfies readonly (keyof typeof TYPES)[];

/**
 * `transcriptLanguage`: the transcript the page shows (its files are in that language). Slide
 * and page files get the page's locale for their header's labels.
 */
export function textFileLinks(manifest: ManifestFields, locale: Locale, transcriptLanguage: string | null): TextFileLinks {
  const t = (key: string): string => translate(locale, key);
  const id = manifest.id;
  return {
    transcript: transcriptLanguage === null
      ? []
      : ORDER.map((format) => ({ href: itemApiUrl(id, `transcript.${format}`, { lang: transcriptLanguage }), text: t(`item.textFiles.${format}`), type: TYPES[format], hreflang: transcriptLanguage })),
    slides: manifest.text.slides ? { href: itemApiUrl(id, 'slides.txt', { lang: locale }), text: t('item.textFiles.slides'), type: 'text/plain' } : null,
    pages: manifest.text.pages ? { href: itemApiUrl(id, 'pages.txt', { lang: locale }), text: t('item.textFiles.pages'), type: 'text/plain' } : null,
  };
}
