/**
 * The conference whose talks, podcasts and magazines the archive holds, named as it writes
 * itself (with its brackets): the publisher of every item and, with an edition's label, the
 * event ("Numérique en Commun[s] 2025 Strasbourg") in credits and citations.
 */
export const CONFERENCE_NAME = 'Numérique en Commun[s]';

export function editionEventName(editionLabel: string): string {
  return `${CONFERENCE_NAME} ${editionLabel}`;
}
