import { VIDEO_KINDS } from '../../domain/item.js';
import { isSilentVideo } from '../../domain/manifest.js';
import type { CatalogueSnapshot } from '../../services/catalogue/catalogue.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';

export interface AccessibilityModel {
  /** What the archive holds today that is not (fully) accessible, one sentence each, with figures. */
  gaps: string[];
}

/**
 * The statement's « contenus non accessibles » are counted from the archive itself, so the
 * statement stays true as editions are added.
 */
export function accessibilityModel(snapshot: CatalogueSnapshot, locale: Locale): AccessibilityModel {
  const recordings = snapshot.items.filter((i) => i.kind !== 'document');
  const videos = snapshot.items.filter((i) => VIDEO_KINDS.includes(i.kind));
  const documents = snapshot.items.filter((i) => i.kind === 'document');
  const automatic = recordings.filter((i) => i.accessibility.transcript === 'automatic').length;
  // A video recorded without sound has no speech to transcribe: not a gap.
  const none = recordings.filter((i) => i.accessibility.transcript === 'none' && !isSilentVideo(i)).length;
  const noDescription = videos.filter((i) => !i.accessibility.audioDescription).length;
  const noSignLanguage = videos.filter((i) => !i.accessibility.signLanguage).length;
  const gaps: string[] = [];
  const of = (key: string, count: number, total: number): void => {
    if (count > 0) gaps.push(translate(locale, key, { count, total }));
  };
  of('a11y.gap.automatic', automatic, recordings.length);
  of('a11y.gap.none', none, recordings.length);
  of('a11y.gap.description', noDescription, videos.length);
  of('a11y.gap.signLanguage', noSignLanguage, videos.length);
  of('a11y.gap.documents', documents.length, documents.length);
  return { gaps };
}
