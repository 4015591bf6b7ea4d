import { timecode } from '../../format.js';
import { translate } from '../../i18n/messages.js';
import type { TextSource } from './text-source.js';
import type { TranscriptDocument } from './transcript-document.js';

/**
 * The transcript in Markdown (CommonMark): the title as a heading, the provenance as a list,
 * then one paragraph per speaker turn with its time and speaker in bold. Every text that comes
 * from people (titles, names, words said) is escaped, so "*", "_", "[…](…)", "<b>" or a "#"
 * stay words and never become emphasis, links, HTML or headings.
 */
export function transcriptMarkdown(doc: TranscriptDocument): string {
  const { source } = doc;
  const paragraphs = doc.paragraphs.map((p) => {
    const time = `[${timecode(p.start)}]`;
    if (!p.speaker) return `**${escapeMarkdown(time)}** ${escapeMarkdown(p.text)}`;
    return translate(source.locale, 'textFile.said', { speaker: `**${escapeMarkdown(`${time} ${p.speaker}`)}**`, text: escapeMarkdown(p.text) });
  });
  return `${[`# ${escapeMarkdown(source.title)}`, metadataList(source), `## ${escapeMarkdown(source.heading)}`, ...paragraphs].join('\n\n')}\n`;
}

/** "- **Intervenants** : …" for every header field but the title (already the heading); the page URL as a link. */
function metadataList(source: TextSource): string {
  return source.fields
    .filter((field) => field.name !== 'title')
    .map((field) => {
      const value = field.name === 'url' ? `<${field.value}>` : escapeMarkdown(field.value);
      return `- ${translate(source.locale, 'textFile.field', { label: `**${escapeMarkdown(field.label)}**`, value })}`;
    })
    .join('\n');
}

/**
 * Backslash before every ASCII punctuation mark that can start markup anywhere in a line
 * (CommonMark allows a backslash before any of them). Line breaks become spaces: each value is
 * one line of the file, so nothing can start a block (list, heading, quote) of its own.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|~#&]/g, '\\$&');
}
