import { describe, expect, it } from 'vitest';
import { escapeMarkdown, transcriptMarkdown } from '../../../../../src/http/view-models/text-files/markdown.js';
import { textSourceOf } from '../../../../../src/http/view-models/text-files/text-source.js';
import { transcriptDocument } from '../../../../../src/http/view-models/text-files/transcript-document.js';
import { ORIGIN, sampleTalk, sampleTranscript } from '../../../../support/text-file-fixtures.js';

const source = textSourceOf(sampleTalk(), { kind: 'transcript', language: 'fr', source: 'captions-reviewed' }, ORIGIN);

describe('transcriptMarkdown', () => {
  it('has the title as a heading, the header as a list, then paragraphs with the time and speaker in bold', () => {
    const blocks = transcriptMarkdown(transcriptDocument(source, sampleTranscript())).trimEnd().split('\n\n');
    expect(blocks[0]).toBe('# IA \\*et\\* médiation \\<b\\>\\[1\\]\\</b\\> \\#communs');
    expect(blocks[1]?.split('\n')).toEqual([
      '- **Intervenants**\u00a0: Jeanne Martin (La Mednum) et Ali Ben',
      '- **Édition**\u00a0: 2025 Strasbourg',
      '- **Date**\u00a0: 29 octobre 2025',
      '- **Adresse permanente**\u00a0: <https://archives.example.org/talks/2025-strasbourg-ia-mediation>',
      expect.stringMatching(/^- \*\*Licence\*\*\u00a0: Creative Commons/),
      expect.stringMatching(/^- \*\*Crédit à reprendre\*\*\u00a0: «.IA \\\*et\\\* médiation .*Numérique en Commun\\\[s\\\] 2025 Strasbourg/),
      '- **Texte**\u00a0: Transcription relue (français)',
    ]);
    expect(blocks.slice(2)).toEqual([
      '## Transcription',
      '**\\[0:00\\] Jeanne Martin**\u00a0: Bonjour à toutes et à tous. Parlons du \\*guichet\\* numérique \\& de \\<script\\>.',
      '**\\[12:34\\] Ali Ben**\u00a0: Merci Jeanne --\\> à vous. Une question \\[au fond\\] ?',
    ]);
  });

  it('escapes every character that could start markup, and keeps each value on one line', () => {
    const text = 'a*b_c`d[e](f)<g>|h~i#j&k\\l\n# m';
    const escaped = escapeMarkdown(text);
    expect(escaped).toBe('a\\*b\\_c\\`d\\[e\\](f)\\<g\\>\\|h\\~i\\#j\\&k\\\\l \\# m');
    // Removing the escapes gives back the words (line break aside): nothing was lost.
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(text.replace('\n', ' '));
  });
});
