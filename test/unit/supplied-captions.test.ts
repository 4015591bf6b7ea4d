import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/domain/text-encoding.js';
import { captionFormat } from '../../src/pipeline/steps/supplied-captions.js';

describe('supplied captions', () => {
  it('tells WebVTT from SRT by content, not by name', () => {
    expect(captionFormat('WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n')).toBe('vtt');
    expect(captionFormat('WEBVTT - sous-titres\r\n\r\n')).toBe('vtt');
    expect(captionFormat('1\r\n00:00:01,000 --> 00:00:03,500\r\nBonjour à tous\r\n')).toBe('srt');
    expect(captionFormat('WEBVTTX\n')).toBeNull();
    expect(captionFormat('<html><body>404</body></html>')).toBeNull();
  });

  it('reads UTF-8 (with or without BOM) and converts Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFWEBVTT\n\nÉté', 'utf8'))).toEqual({ text: 'WEBVTT\n\nÉté', converted: false });
    expect(decodeText(Buffer.from([0x45, 0x74, 0xe9, 0x20, 0x80, 0x9c, 0x93, 0x94]))).toEqual({ text: 'Eté €œ“”', converted: true });
  });
});
