import { describe, expect, it } from 'vitest';
import { decodeCaptionBytes, importCaptions, type CaptionImport } from '../../../../src/pipeline/captions/index.js';

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nL’été coûte 5 € : œuvre « commune »\n';
const EXPECTED_TEXT = 'L’été coûte 5 € : œuvre « commune »';

/** Windows-1252 bytes of a string made only of characters that code page has. */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, 'œ': 0x9c, '“': 0x93, '”': 0x94 };
  return Uint8Array.from([...text].map((c) => high[c] ?? (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)));
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (order === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return be;
}

function textOf(outcome: CaptionImport): string | undefined {
  return outcome.status === 'imported' ? outcome.transcript.cues[0]?.text : undefined;
}

describe('caption encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(VTT, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.from(`\uFEFF${VTT}`, 'utf8'), 'utf-8'],
    ['Windows-1252', cp1252(VTT), 'windows-1252'],
    ['UTF-16LE with BOM', utf16(VTT, 'le', true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(VTT, 'be', true), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(VTT, 'le', false), 'utf-16le'],
  ])('reads %s and gives the same text', (_name, bytes, encoding) => {
    const outcome = importCaptions({ name: 'x.fr.vtt', language: 'fr', bytes });
    expect(outcome.status).toBe('imported');
    expect(outcome.status !== 'refused' && outcome.encoding).toBe(encoding);
    expect(textOf(outcome)).toBe(EXPECTED_TEXT);
    expect(outcome.status === 'imported' && outcome.warnings).toEqual([]);
  });

  it('maps the Windows-1252 range 0x80–0x9F to its own characters, not to C1 controls', () => {
    expect(decodeCaptionBytes(Uint8Array.from([0x80, 0x20, 0x9c, 0x20, 0x92, 0x20, 0x93, 0x94, 0x20, 0xe9]))).toEqual({ text: '€ œ ’ “” é', encoding: 'windows-1252' });
  });

  it('drops the UTF-8 BOM, so the WebVTT signature is the first thing in the text', () => {
    expect(decodeCaptionBytes(Buffer.from('\uFEFFWEBVTT\n', 'utf8')).text).toBe('WEBVTT\n');
  });

  it('reads a Windows-1252 SRT with CRLF line ends', () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:02,500\r\nCoût : 5 €, œuvre d’art\r\n';
    const outcome = importCaptions({ name: 'x.fr.srt', language: 'fr', bytes: cp1252(srt) });
    expect(textOf(outcome)).toBe('Coût : 5 €, œuvre d’art');
  });
});
