import { describe, expect, it } from 'vitest';
import { textSourceOf } from '../../../../../src/http/view-models/text-files/text-source.js';
import { transcriptDocument } from '../../../../../src/http/view-models/text-files/transcript-document.js';
import { transcriptDocx } from '../../../../../src/http/view-models/text-files/transcript-docx.js';
import { ORIGIN, sampleTalk, sampleTranscript } from '../../../../support/text-file-fixtures.js';
import { wordTexts, zipEntries } from '../../../../support/zip-entries.js';

describe('transcriptDocx', () => {
  it('is a Word package whose document holds the title, the header table and the paragraphs with bold times and speakers', async () => {
    const source = textSourceOf(sampleTalk(), { kind: 'transcript', language: 'fr', source: 'captions-reviewed' }, ORIGIN);
    const entries = await zipEntries(await transcriptDocx(transcriptDocument(source, sampleTranscript())));
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml', 'word/styles.xml']));
    const xml = entries.get('word/document.xml')!.toString('utf8');
    const texts = wordTexts(xml);
    expect(texts[0]).toBe('IA *et* médiation <b>[1]</b> #communs');
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect(texts).toEqual(expect.arrayContaining(['Provenance de ce texte', 'Intervenants', 'Jeanne Martin (La Mednum) et Ali Ben', 'Adresse permanente', 'Texte', 'Transcription relue (français)', 'Transcription']));
    expect(xml).toContain('<w:tbl>');
    // The paragraph of 12:34: its time and speaker in bold runs, then the words.
    const at = texts.indexOf('[12:34] ');
    expect(texts.slice(at, at + 4)).toEqual(['[12:34] ', 'Ali Ben', '\u00a0: ', 'Merci Jeanne --> à vous. Une question [au fond] ?']);
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">\[12:34\] <\/w:t><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Ali Ben<\/w:t>/);
    // The page's address is a real link.
    expect(entries.get('word/_rels/document.xml.rels')!.toString('utf8')).toContain('Target="https://archives.example.org/talks/2025-strasbourg-ia-mediation"');
  });

  it('sets the document properties: title, author (the speakers), subject; and the text’s language', async () => {
    const source = textSourceOf(sampleTalk(), { kind: 'transcript', language: 'en', source: 'speech-to-text' }, ORIGIN);
    const entries = await zipEntries(await transcriptDocx(transcriptDocument(source, sampleTranscript({ language: 'en', source: 'speech-to-text' }))));
    const core = entries.get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dc:title>IA *et* médiation &lt;b&gt;[1]&lt;/b&gt; #communs</dc:title>');
    expect(core).toContain('<dc:creator>Jeanne Martin, Ali Ben</dc:creator>');
    expect(core).toContain('<dc:subject>Automatic transcript, not reviewed (English)</dc:subject>');
    expect(entries.get('word/styles.xml')!.toString('utf8')).toMatch(/<w:lang w:val="en"\/>/);
    expect(wordTexts(entries.get('word/document.xml')!.toString('utf8'))).toEqual(expect.arrayContaining(['Where this text comes from', 'Permanent URL', ': ']));
  });
});
