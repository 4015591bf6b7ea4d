import webvtt from 'webvtt-parser';
import { describe, expect, it } from 'vitest';
import { captionFormatOf, importCaptions, srtToWebVtt } from '../../../../src/pipeline/captions/index.js';

describe('SRT', () => {
  it('maps line for line onto WebVTT: numbers blanked, decimal commas made points', () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:03,500\r\nBonjour à tous\r\n\r\n2\r\n00:00:04,250 --> 00:00:06,000 X1:40 X2:600 Y1:20 Y2:50\r\n{\\an8}En haut, 12,5 %\r\n';
    const vtt = srtToWebVtt(srt);
    expect(vtt.split('\n')).toEqual([
      'WEBVTT', '', '', '00:00:01.000 --> 00:00:03.500', 'Bonjour à tous', '', '', '00:00:04.250 --> 00:00:06.000', 'En haut, 12,5 %', '',
    ]);
    expect(new webvtt.WebVTTParser().parse(vtt).errors).toEqual([]);
  });

  it('imports SRT cues with their text and times, italics stripped', () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,500\n<i>Bonjour</i> à tous\n\n2\n00:00:04,250 --> 00:00:06,000\nDeux lignes\net la suite\n\n';
    const outcome = importCaptions({ name: 'talk.en.srt', language: 'en', bytes: Buffer.from(srt) });
    expect(outcome.status === 'imported' && outcome.transcript).toEqual({
      version: 1, language: 'en', source: 'captions-reviewed',
      cues: [
        { start: 1, end: 3.5, text: 'Bonjour à tous', speaker: null },
        { start: 4.25, end: 6, text: 'Deux lignes\net la suite', speaker: null },
      ],
    });
    expect(outcome.status === 'imported' && outcome.warnings).toEqual([]);
  });

  it('imports an SRT whose numbers are missing or glued to the previous cue', () => {
    const srt = '00:00:01,000 --> 00:00:02,000\nSans numéro\n2\n00:00:03,000 --> 00:00:04,000\nCollé\n';
    const outcome = importCaptions({ name: 'x.srt', language: 'fr', bytes: Buffer.from(srt) });
    expect(outcome.status === 'imported' && outcome.transcript.cues.map((c) => c.text)).toEqual(['Sans numéro', 'Collé']);
  });

  it('tells WebVTT from SRT by content, then by name', () => {
    expect(captionFormatOf('WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n', 'a.srt')).toBe('vtt');
    expect(captionFormatOf('1\r\n00:00:01,000 --> 00:00:03,500\r\nBonjour\r\n', 'a.vtt')).toBe('srt');
    expect(captionFormatOf('00:00:01,000 --> 00:00:03,500\nBonjour\n', 'a.vtt')).toBe('srt');
    expect(captionFormatOf('<html></html>', 'a.srt')).toBe('srt');
    expect(captionFormatOf('<html></html>', 'a.vtt')).toBe('vtt');
  });
});
