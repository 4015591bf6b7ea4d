import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { TEXT_FILE_VERSION } from '../../../../src/domain/text.js';
import { readableTextFiles } from '../../../../src/http/view-models/edition-readable-texts.js';
import { documentManifest, talkManifest } from '../../../support/manifest-factory.js';

const ORIGIN = 'https://archives.example.org';

describe('readableTextFiles', () => {
  const talk = talkManifest();
  const transcript = talk.text.transcripts[0]!;
  const document = documentManifest({ text: { transcripts: [], slides: null, pages: { key: 'items/doc/r/text/pages.json', count: 1, language: 'fr', ocrPages: 0 } } });
  const stored: Record<string, unknown> = {
    [transcript.json]: { version: TEXT_FILE_VERSION, language: 'fr', source: 'captions-reviewed', cues: [
      { start: 754, end: 757, text: 'Les communs numériques.', speaker: 'Jeanne Martin' },
    ] },
    'items/doc/r/text/pages.json': { version: TEXT_FILE_VERSION, language: 'fr', pages: [{ page: 1, text: 'Édito du magazine', ocr: false }] },
  };
  const asked: string[] = [];
  const read = async <T>(key: string, schema: ZodType<T>): Promise<T | null> => {
    asked.push(key);
    return key in stored ? schema.parse(stored[key]) : null;
  };

  it('writes each transcript and page text as people read it, with its provenance, in the item folder', async () => {
    const files = await readableTextFiles([talk, document], ORIGIN, read);
    expect(files.map((f) => f.path)).toEqual([`${talk.id}/${talk.id}.fr.txt`, `${document.id}/${document.id}.pages.txt`]);
    const text = files[0]?.content.toString('utf8') ?? '';
    expect(text).toContain(talk.title);
    expect(text).toContain(`${ORIGIN}/talks/${talk.id}`);
    expect(text).toMatch(/\[12:34\] Jeanne Martin\s?: Les communs numériques\./);
    expect(files[1]?.content.toString('utf8')).toContain('Édito du magazine');
  });

  it('reads only the text files the manifests list, and leaves out one that cannot be read', async () => {
    asked.length = 0;
    const missing = talkManifest({ id: 'other' });
    const files = await readableTextFiles([missing], ORIGIN, read);
    expect(asked).toEqual(missing.text.transcripts.map((t) => t.json));
    expect(files).toEqual([]);
  });
});
