import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../../../src/domain/text.js';
import { importCaptions } from '../../../../../src/pipeline/captions/import-captions.js';
import { parseWebVtt } from '../../../../../src/pipeline/captions/parse-webvtt.js';
import { srtToWebVtt } from '../../../../../src/pipeline/captions/srt.js';
import { transcriptSrt, transcriptVtt } from '../../../../../src/http/view-models/text-files/subtitles.js';
import { textSourceOf } from '../../../../../src/http/view-models/text-files/text-source.js';
import { transcriptDocument } from '../../../../../src/http/view-models/text-files/transcript-document.js';
import { parseSrtStrictly } from '../../../../support/subrip.js';
import { ORIGIN, sampleTalk, sampleTranscript } from '../../../../support/text-file-fixtures.js';

const file = sampleTranscript();
const doc = transcriptDocument(textSourceOf(sampleTalk(), { kind: 'transcript', language: 'fr', source: 'captions-reviewed' }, ORIGIN), file);
const spoken = file.cues.filter((cue) => cue.text !== '');

describe('transcriptVtt', () => {
  it('is WebVTT the W3C parser reads without a single problem, the header in a NOTE block', () => {
    const vtt = transcriptVtt(doc);
    const parsed = parseWebVtt(vtt);
    expect(parsed.errors).toEqual([]);
    expect(parsed.fixes).toEqual([]);
    expect(vtt.startsWith('WEBVTT\n\nNOTE\nTitre\u00a0: IA *et* médiation <b>[1]</b> #communs\nIntervenants\u00a0: Jeanne Martin (La Mednum) et Ali Ben\n')).toBe(true);
    const note = vtt.split('\n\n')[1] ?? '';
    expect(note).toContain('Texte\u00a0: Transcription relue (français)');
    expect(note).not.toContain('-->');
    // The header is a comment: no cue holds it.
    expect(parsed.cues.map((cue) => cue.text).join(' ')).not.toContain('Titre');
  });

  it('round-trips: read back by the archive’s own caption import, its cues are the stored cues (times to the millisecond, speakers, words)', () => {
    const result = importCaptions({ name: 'transcript.vtt', language: 'fr', bytes: Buffer.from(transcriptVtt(doc)) });
    if (result.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(result)}`);
    expect(result.warnings).toEqual([]);
    const ms = (cues: readonly Cue[]) => cues.map((c) => ({ ...c, start: Math.round(c.start * 1000), end: Math.round(c.end * 1000) }));
    expect(ms(result.transcript.cues)).toEqual(ms(spoken));
  });

  it('names speakers in voice spans and escapes words that look like markup', () => {
    const vtt = transcriptVtt(doc);
    expect(vtt).toContain('00:12:34.123 --> 00:12:40.000\n<v Ali Ben>Merci Jeanne --&gt; à vous.</v>');
    expect(vtt).toContain('<v Jeanne Martin>Parlons du *guichet*\nnumérique &amp; de &lt;script&gt;.</v>');
    expect(vtt).toContain('00:12:40.000 --> 00:12:45.500\nUne question [au fond] ?\n');
  });
});

describe('transcriptSrt', () => {
  it('is strict SubRip: the stored cues that say something, numbered from 1, with their times and words, no header', () => {
    const srt = transcriptSrt(doc);
    const cues = parseSrtStrictly(srt);
    expect(cues.map((c) => [Math.round(c.start * 1000), Math.round(c.end * 1000)])).toEqual(spoken.map((c) => [Math.round(c.start * 1000), Math.round(c.end * 1000)]));
    expect(cues.map((c) => c.text)).toEqual(['Bonjour à toutes et à tous.', 'Parlons du *guichet*\nnumérique & de <script>.', 'Merci Jeanne → à vous.', 'Une question [au fond] ?']);
    expect(srt).not.toContain('Titre');
  });

  it('reads as subtitles for the archive’s own SRT import too', () => {
    expect(parseWebVtt(srtToWebVtt(transcriptSrt(doc))).errors).toEqual([]);
    const result = importCaptions({ name: 'transcript.srt', language: 'fr', bytes: Buffer.from(transcriptSrt(doc)) });
    expect(result.status).toBe('imported');
  });
});
