import type { ItemKind } from '../../domain/item.js';
import type { Tombstone } from '../../domain/tombstone.js';
import type { CatalogueSnapshot } from '../../services/catalogue/catalogue.js';
import { formatDate } from '../format.js';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../locale.js';
import { itemDetailApiUrl, itemHref, urlFor } from '../urls.js';
import { kindLabel } from './item-card.js';

/**
 * What a removed item's links answer (410 Gone), from its tombstone: the notice page (and its
 * embed) in the page's language, and the problem+json of the API with the same facts. A purged
 * item shows only its id and the date of removal.
 */

/** The item that replaces a removed one, as the notice links to it. */
export interface Replacement {
  id: string;
  /** Null when the replacement was removed too (its own notice then says where it went). */
  title: string | null;
  kind: ItemKind;
}

/** The replacement as the archive has it now: live, else removed with a kind to link to, else nothing to link to. */
export function replacementOf(snapshot: Pick<CatalogueSnapshot, 'byId' | 'tombstones'>, tombstone: Tombstone): Replacement | null {
  if (tombstone.replacedBy === null) return null;
  const live = snapshot.byId.get(tombstone.replacedBy);
  if (live) return { id: live.id, title: live.title, kind: live.kind };
  const kind = snapshot.tombstones.get(tombstone.replacedBy)?.kind;
  return kind ? { id: tombstone.replacedBy, title: null, kind } : null;
}

export interface GonePageModel {
  id: string;
  purged: boolean;
  /** "« Title » was removed on 7 December 2026." */
  intro: string;
  title: string | null;
  kind: string | null;
  edition: { label: string; href: string | null } | null;
  archivedAt: string | null;
  removedAt: string;
  reason: string | null;
  replacement: { href: string; text: string } | null;
}

/** The notice page; the edition links to its page while that edition still has items. */
export function gonePageModel(tombstone: Tombstone, replacement: Replacement | null, editionLive: boolean, locale: Locale): GonePageModel {
  const removed = formatDate(locale, tombstone.removedAt);
  const shown = !tombstone.purged;
  return {
    id: tombstone.id,
    purged: tombstone.purged,
    intro: !shown
      ? translate(locale, 'gone.introPurged', { date: removed })
      // A tombstone written from an unreadable manifest has the notice but no title.
      : tombstone.title === null ? translate(locale, 'gone.introUntitled', { date: removed }) : translate(locale, 'gone.intro', { title: tombstone.title, date: removed }),
    title: shown ? tombstone.title : null,
    kind: shown && tombstone.kind ? kindLabel(tombstone.kind, locale) : null,
    edition: shown && tombstone.edition
      ? { label: tombstone.edition.label, href: editionLive ? urlFor('edition', locale, { slug: tombstone.edition.slug }) : null }
      : null,
    archivedAt: shown ? tombstone.archivedAt : null,
    removedAt: tombstone.removedAt,
    reason: shown ? tombstone.reason : null,
    replacement: replacement
      ? { href: itemHref(replacement.kind, replacement.id, locale), text: replacement.title ?? translate(locale, 'gone.replacementUntitled', { id: replacement.id }) }
      : null,
  };
}

/** The API's answer: RFC 9457 problem details, with the tombstone's facts as extension members. */
export interface GoneProblem {
  type: 'about:blank';
  title: string;
  status: 410;
  code: 'gone';
  detail: string;
  id: string;
  purged: boolean;
  itemTitle: string | null;
  kind: ItemKind | null;
  edition: { slug: string; label: string } | null;
  archivedAt: string | null;
  removedAt: string;
  reason: string | null;
  replacedBy: { id: string; url: string; page: string } | null;
}

export function goneProblem(tombstone: Tombstone, replacement: Replacement | null, locale: Locale, origin: string): GoneProblem {
  const date = tombstone.removedAt.slice(0, 10);
  const shown = !tombstone.purged;
  return {
    type: 'about:blank',
    title: translate(locale, 'gone.problem.title'),
    status: 410,
    code: 'gone',
    detail: shown && tombstone.reason
      ? translate(locale, 'gone.problem.detail', { id: tombstone.id, date, reason: tombstone.reason })
      : translate(locale, 'gone.problem.detailPurged', { id: tombstone.id, date }),
    id: tombstone.id,
    purged: tombstone.purged,
    itemTitle: shown ? tombstone.title : null,
    kind: shown ? tombstone.kind : null,
    edition: shown ? tombstone.edition : null,
    archivedAt: shown ? tombstone.archivedAt : null,
    removedAt: tombstone.removedAt,
    reason: shown ? tombstone.reason : null,
    replacedBy: replacement
      ? { id: replacement.id, url: `${origin}${itemDetailApiUrl(replacement.id)}`, page: `${origin}${itemHref(replacement.kind, replacement.id, locale)}` }
      : null,
  };
}
