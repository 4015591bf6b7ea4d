import { describe, expect, it } from 'vitest';
import { CONFERENCE_NAME, editionEventName } from '../../../src/domain/conference.js';

describe('conference', () => {
  it('names the conference as it writes itself, and an edition as an event', () => {
    expect(CONFERENCE_NAME).toBe('Numérique en Commun[s]');
    expect(editionEventName('2025 Strasbourg')).toBe('Numérique en Commun[s] 2025 Strasbourg');
  });
});
