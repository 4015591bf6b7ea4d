import { snapshotOf } from './snapshot.js';
import { manifestOf } from './manifest-factory.js';

/** The small archive the home, listing, licences and accessibility page models are tested on. */
export const archive = snapshotOf([
  manifestOf({ id: 'talk-a', kind: 'talk', date: '2025-10-29', themes: ['Accessibilité'], speakers: [{ name: 'Claire Vasseur', organisation: 'Passerelles' }], accessibility: { transcript: 'reviewed', captions: true, audioDescription: true } }),
  manifestOf({ id: 'talk-b', kind: 'talk', date: '2025-10-30', themes: ['Accessibilité', 'Données & IA'], accessibility: { transcript: 'automatic', captions: true }, licence: 'CC0-1.0' }),
  manifestOf({ id: 'pod', kind: 'podcast', date: '2025-10-30', speakers: [{ name: 'Claire Vasseur', organisation: 'Radio' }], licence: 'CC-BY-4.0' }),
  manifestOf({ id: 'mag', kind: 'document', date: '2025-10-30', licence: 'Etalab-2.0' }),
  manifestOf({ id: 'old', kind: 'workshop', edition: '2023 Marseille', date: '2023-11-10', accessibility: { transcript: 'reviewed', signLanguage: true } }),
]);
