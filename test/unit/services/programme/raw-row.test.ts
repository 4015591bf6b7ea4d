import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../../src/services/programme/parse-csv.js';
import { normaliseFieldName, toProgrammeField } from '../../../../src/services/programme/raw-row.js';
import { titleFromFileName } from '../../../../src/services/programme/scan-folder.js';

describe('headers and names', () => {
  it('maps header spellings to fields', () => {
    expect(normaliseFieldName(' Audio description ')).toBe('audio_description');
    expect(toProgrammeField('audioDescription')).toBe('audio_description');
    expect(toProgrammeField('Sign-Language')).toBe('sign_language');
    expect(toProgrammeField('License')).toBe('licence');
    expect(toProgrammeField('salle')).toBeNull();
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('title;media;themes\nA,B;c;d')).toBe(';');
    expect(detectDelimiter('title,media\n;;;;;')).toBe(',');
    expect(detectDelimiter('"a;b;c",title,media')).toBe(',');
    expect(detectDelimiter('title\tmedia')).toBe('\t');
  });

  it('makes a title from a file name', () => {
    expect(titleFromFileName('mediation_numerique-et-ia')).toBe('Mediation numerique et ia');
    expect(titleFromFileName('éthique__et  IA')).toBe('Éthique et IA');
  });
});
