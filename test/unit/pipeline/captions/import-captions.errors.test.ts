import { describe, expect, it } from 'vitest';
import { importCaptions, type CaptionImport } from '../../../../src/pipeline/captions/index.js';

const load = (name: string, text: string): CaptionImport => importCaptions({ name, language: 'fr', bytes: Buffer.from(text, 'utf8') });

function errorOf(name: string, text: string): string {
  const outcome = load(name, text);
  if (outcome.status !== 'refused') throw new Error(`expected ${name} to be refused, got ${outcome.status}`);
  return outcome.error;
}

function warningsOf(name: string, text: string): string[] {
  const outcome = load(name, text);
  if (outcome.status === 'refused') throw new Error(`expected ${name} to be accepted: ${outcome.error}`);
  return outcome.warnings;
}

const GOOD_CUE = '00:00:01.000 --> 00:00:02.000\nBonjour';

describe('malformed caption files: one line with the file, the line number and the cause', () => {
  it.each([
    ['a missing WEBVTT header', `${GOOD_CUE}\n`, 'talks/x.fr.vtt line 1: missing "WEBVTT" header (the file starts with "00:00:01.000 --> 00:00:02.000")'],
    ['an HTML page saved as captions', '<html><body>404</body></html>\n', 'talks/x.fr.vtt line 1: missing "WEBVTT" header (the file starts with "<html><body>404</body></html>")'],
    ['a letter in a timestamp', `WEBVTT\n\n${GOOD_CUE}\n\n00:00:0x.000 --> 00:00:05.000\nSuite\n`, 'talks/x.fr.vtt line 6: invalid timestamp "00:00:0x.000"'],
    ['a comma in a WebVTT timestamp', `WEBVTT\n\n${GOOD_CUE}\n\n00:00:03.000 --> 00:00:05,000\nSuite\n`, 'talks/x.fr.vtt line 6: invalid timestamp "00:00:05,000"'],
    ['61 seconds', `WEBVTT\n\n00:00:61.000 --> 00:01:05.000\nSuite\n`, 'talks/x.fr.vtt line 3: invalid timestamp "00:00:61.000"'],
    ['a missing end time', `WEBVTT\n\nNOTE ok\n\n00:00:03.000 -->\nSuite\n`, 'talks/x.fr.vtt line 5: timing line "00:00:03.000 -->" lacks its end time'],
    ['a wrong arrow', `WEBVTT\n\n${GOOD_CUE}\n\nid-2\n00:00:03.000 -> 00:00:05.000\nSuite\n`, 'talks/x.fr.vtt line 7: invalid timing line "00:00:03.000 -> 00:00:05.000": expected "start --> end"'],
    ['no arrow at all', `WEBVTT\n\n${GOOD_CUE}\n\n2\n00:00:03.000 - 00:00:05.000\nSuite\n`, 'talks/x.fr.vtt line 7: invalid timing line "00:00:03.000 - 00:00:05.000": expected "start --> end"'],
    ['an end before the start', `WEBVTT\n\n${GOOD_CUE}\n\n00:00:09.000 --> 00:00:05.500\nSuite\n`, 'talks/x.fr.vtt line 6: cue ends (00:00:05.500) before it starts (00:00:09.000)'],
    ['text before any cue', `WEBVTT\n\nSous-titres de la table ronde\n\n${GOOD_CUE}\n`, 'talks/x.fr.vtt line 3: text outside any cue: "Sous-titres de la table ronde" (no timing line before it)'],
    ['a cue swallowed by a comment', `WEBVTT\n\nNOTE relu par C. V.\n${GOOD_CUE}\n`, 'talks/x.fr.vtt line 4: timing line inside a NOTE comment (a blank line is missing before it)'],
  ])('%s', (_case, text, error) => {
    expect(errorOf('talks/x.fr.vtt', text)).toBe(error);
  });

  it('counts the other problems after the first', () => {
    const text = 'WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nA\n\n00:00:03.000 --> 00:00:0y.000\nB\n\n00:00:09.000 --> 00:00:05.000\nC\n';
    expect(errorOf('x.vtt', text)).toBe('x.vtt line 3: invalid timestamp "00:00:0x.000" (and 2 more problems)');
  });

  it('gives SRT errors on the lines of the SRT file, CRLF or not', () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:02,000\r\nBonjour\r\n\r\n2\r\n00:00:03,000 --> 00:00:0x,000\r\nSuite\r\n';
    expect(errorOf('talks/x.en.srt', srt)).toBe('talks/x.en.srt line 6: invalid timestamp "00:00:0x,000"');
    const backwards = '1\n00:00:01,000 --> 00:00:02,000\nBonjour\n\n2\n00:00:07,000 --> 00:00:05,000\nSuite\n';
    expect(errorOf('talks/x.en.srt', backwards)).toBe('talks/x.en.srt line 6: cue ends (00:00:05.000) before it starts (00:00:07.000)');
    expect(errorOf('talks/x.en.srt', 'Ceci n’est pas un sous-titre.\n')).toBe('talks/x.en.srt line 1: text outside any cue: "Ceci n’est pas un sous-titre." (no timing line before it)');
  });

  it('refuses an empty file', () => {
    expect(importCaptions({ name: 'x.vtt', language: 'fr', bytes: new Uint8Array(0) })).toEqual({ status: 'refused', error: 'x.vtt: file is empty (0 bytes)' });
  });
});

describe('problems not worth losing a file for: repaired, with a warning', () => {
  it('joins a stray blank line inside a cue to its text', () => {
    const text = `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nPremière ligne\n\nseconde ligne\n\n00:00:05.000 --> 00:00:06.000\nSuite\n`;
    const outcome = load('x.vtt', text);
    expect(outcome.status === 'imported' && outcome.transcript.cues.map((c) => c.text)).toEqual(['Première ligne\nseconde ligne', 'Suite']);
    expect(warningsOf('x.vtt', text)).toEqual(['x.vtt: repaired — line 5: blank line inside a cue joined to its text']);
  });

  it('joins a stray blank line in SRT text and reports the SRT line', () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\nPremière ligne\n\nseconde ligne\n\n2\n00:00:05,000 --> 00:00:06,000\nSuite\n';
    expect(warningsOf('x.srt', srt)).toEqual(['x.srt: repaired — line 4: blank line inside a cue joined to its text']);
  });

  it('ignores unknown cue settings and a missing blank line before a cue', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:middle couleur:rouge\nA\n00:00:03.000 --> 00:00:04.000\nB\n';
    const outcome = load('x.vtt', text);
    expect(outcome.status === 'imported' && outcome.transcript.cues.map((c) => c.text)).toEqual(['A', 'B']);
    expect(warningsOf('x.vtt', text)).toEqual(['x.vtt: repaired — line 3: cue settings "align:middle couleur:rouge" ignored; line 5: blank line missing before a cue']);
  });

  it('keeps quiet about header lines such as "Kind: captions", and about known settings', () => {
    const text = 'WEBVTT\nKind: captions\nLanguage: fr\n\nSTYLE\n::cue { color: yellow }\n\n00:00:01.000 --> 00:00:02.000 line:0 position:20% align:start\nA\n';
    expect(warningsOf('x.vtt', text)).toEqual([]);
  });

  it('drops a cue of zero duration', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:01.000\nA\n\n00:00:02.000 --> 00:00:03.000\nB\n';
    const outcome = load('x.vtt', text);
    expect(outcome.status === 'imported' && outcome.transcript.cues.map((c) => c.text)).toEqual(['B']);
    expect(warningsOf('x.vtt', text)).toEqual(['x.vtt: repaired — line 3: cue of zero duration dropped']);
  });

  it('lists three repairs by line, then counts the rest', () => {
    const cues = [1, 2, 3, 4, 5].map((s) => `00:00:0${s}.000 --> 00:00:0${s}.500 bad:${s}\nC${s}`).join('\n\n');
    const [warning] = warningsOf('x.vtt', `WEBVTT\n\n${cues}\n`);
    expect(warning).toBe('x.vtt: repaired — line 3: cue settings "bad:1" ignored; line 6: cue settings "bad:2" ignored; line 9: cue settings "bad:3" ignored; 2 more');
  });

  it('skips blank lines before the header, and counts them in line numbers', () => {
    const text = '\n\r\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000 size:200%\nA\n';
    expect(warningsOf('x.vtt', text)).toEqual(['x.vtt: repaired — line 1: blank lines before the WEBVTT header skipped; line 5: cue settings "size:200%" ignored']);
    expect(errorOf('x.vtt', '\n\nWEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nA\n')).toBe('x.vtt line 5: invalid timestamp "00:00:0x.000"');
  });

  it('reads SRT content behind a .vtt name, and says so', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nBonjour\n';
    const outcome = load('x.fr.vtt', srt);
    expect(outcome.status === 'imported' && outcome.format).toBe('srt');
    expect(warningsOf('x.fr.vtt', srt)).toEqual(['x.fr.vtt: repaired — SRT content in a .vtt file, read as SRT']);
  });

  it('accepts a valid file without cues, with a warning and no transcript', () => {
    expect(load('x.vtt', 'WEBVTT\n\nNOTE à compléter\n')).toEqual({
      status: 'empty', format: 'vtt', encoding: 'utf-8', warnings: ['x.vtt: no caption text in the file; no transcript from it'],
    });
    expect(load('x.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<i> </i>\n').status).toBe('empty');
  });
});
