import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../../../src/http/openapi.js';
import { textSourceOf } from '../../../../../src/http/view-models/text-files/text-source.js';
import { transcriptDocument } from '../../../../../src/http/view-models/text-files/transcript-document.js';
import { transcriptJson } from '../../../../../src/http/view-models/text-files/transcript-json.js';
import { checkSchema, responseSchema } from '../../../../support/json-schema.js';
import { ORIGIN, sampleTalk, sampleTranscript } from '../../../../support/text-file-fixtures.js';

describe('transcriptJson', () => {
  const file = sampleTranscript();
  const json = transcriptJson(transcriptDocument(textSourceOf(sampleTalk(), { kind: 'transcript', language: 'fr', source: 'captions-reviewed' }, ORIGIN), file));

  it('gives the provenance as fields, the paragraphs people read and every cue as stored', () => {
    expect(json.source).toMatchObject({
      id: '2025-strasbourg-ia-mediation',
      title: 'IA *et* médiation <b>[1]</b> #communs',
      speakers: [{ name: 'Jeanne Martin', organisation: 'La Mednum' }, { name: 'Ali Ben', organisation: null }],
      edition: { label: '2025 Strasbourg', slug: '2025-strasbourg' },
      date: '2025-10-29',
      url: 'https://archives.example.org/talks/2025-strasbourg-ia-mediation',
      licence: { id: 'CC-BY-SA-4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr' },
      language: 'fr',
      reviewed: true,
      origin: 'captions-reviewed',
      note: 'Transcription relue (français)',
      labelsLanguage: 'fr',
    });
    expect(json.paragraphs).toEqual([
      { start: 0, end: 9.5, speaker: 'Jeanne Martin', text: 'Bonjour à toutes et à tous. Parlons du *guichet* numérique & de <script>.' },
      { start: 754.123, end: 765.5, speaker: 'Ali Ben', text: 'Merci Jeanne --> à vous. Une question [au fond] ?' },
    ]);
    expect(json.cues).toEqual(file.cues);
  });

  it('conforms to the schema the OpenAPI document gives for transcript.json', () => {
    const doc = openApiDocument(ORIGIN);
    expect(checkSchema(responseSchema(doc, '/api/items/{id}/transcript.{format}', 200, 'application/json'), json, doc)).toEqual([]);
  });
});
