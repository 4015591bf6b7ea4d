import { ITEM_KINDS } from '../../domain/item.js';
import { languageLabel } from '../../domain/language.js';
import { LICENCE_IDS } from '../../domain/licence.js';
import type { FacetName } from '../../services/search/search-request.js';
import type { SearchResult } from '../../services/search/search-service.js';
import { translate } from '../i18n/messages.js';
import { collator as collatorOf } from '../intl.js';
import { DEFAULT_LOCALE, type Locale } from '../locale.js';

type FacetCounts = SearchResult['facets'];
export type ActiveFilters = Partial<Record<FacetName, string[]>>;

/** Yes/no facets: one checkbox each ("has captions"), grouped under « Accessibilité ». */
export const BOOLEAN_FACETS = ['captions', 'reviewedTranscript', 'audioDescription', 'signLanguage', 'easyRead'] as const satisfies readonly FacetName[];
const BOOLEANS: ReadonlySet<FacetName> = new Set(BOOLEAN_FACETS);

interface FacetOption {
  /** Unique in the page: the checkbox's id. */
  id: string;
  name: FacetName;
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

export interface FacetGroup {
  id: string;
  legend: string;
  options: FacetOption[];
  /** Options beyond the first few of a long list, shown in a <details> (works without JS). */
  more: FacetOption[];
  moreLabel: string;
}

export interface ActiveFilter {
  name: FacetName;
  value: string;
  text: string;
  /** This search without this value. */
  href: string;
}

/** Fieldsets in the order people use them most: what, about what, how accessible, when, who. */
const GROUPS: readonly { id: string; names: readonly FacetName[] }[] = [
  { id: 'kind', names: ['kind'] },
  { id: 'theme', names: ['theme'] },
  { id: 'accessibility', names: BOOLEAN_FACETS },
  { id: 'transcript', names: ['transcript'] },
  { id: 'edition', names: ['edition'] },
  { id: 'year', names: ['year'] },
  { id: 'speaker', names: ['speaker'] },
  { id: 'language', names: ['language'] },
  { id: 'licence', names: ['licence'] },
];

const VISIBLE_OPTIONS = 8;
// Values are the archive's own words (names, themes), sorted as its default language sorts them, on every page.
const collator = collatorOf(DEFAULT_LOCALE, { sensitivity: 'base', numeric: true });

/** The fieldsets of the search form: every value the index counts, plus the active ones (even at 0). */
export function facetGroupsOf(facets: FacetCounts, filters: ActiveFilters, locale: Locale): FacetGroup[] {
  const groups: FacetGroup[] = [];
  for (const group of GROUPS) {
    const options: FacetOption[] = [];
    for (const name of group.names) {
      const counts = facets[name] ?? {};
      const active = new Set(filters[name] ?? []);
      // A yes/no facet offers "yes" only; a "no" somebody typed in the URL stays visible and checked.
      const values = new Set([...Object.keys(counts).filter((v) => !BOOLEANS.has(name) || v === 'true'), ...active]);
      const sorted = sortValues(name, [...values], counts);
      for (const value of sorted) {
        const count = counts[value] ?? 0;
        if (BOOLEANS.has(name) && count === 0 && !active.has(value)) continue;
        options.push({ id: `facet-${name}-${options.length}`, name, value, label: facetValueLabel(name, value, locale), count, checked: active.has(value) });
      }
    }
    if (options.length === 0) continue;
    const long = options.length > VISIBLE_OPTIONS + 1;
    const visible = long ? options.filter((o, i) => i < VISIBLE_OPTIONS || o.checked) : options;
    const more = long ? options.filter((o, i) => i >= VISIBLE_OPTIONS && !o.checked) : [];
    groups.push({
      id: group.id,
      legend: translate(locale, `search.facet.${group.id}`),
      options: visible,
      more,
      moreLabel: translate(locale, 'search.facet.more', { count: more.length }),
    });
  }
  return groups;
}

function sortValues(name: FacetName, values: string[], counts: Record<string, number>): string[] {
  const byCount = (a: string, b: string): number => (counts[b] ?? 0) - (counts[a] ?? 0) || collator.compare(a, b);
  const byList = (list: readonly string[]) => (a: string, b: string): number => rank(list, a) - rank(list, b) || collator.compare(a, b);
  switch (name) {
    case 'kind':
      return values.sort(byList(ITEM_KINDS));
    case 'licence':
      return values.sort(byList(LICENCE_IDS));
    case 'transcript':
      return values.sort(byList(['reviewed', 'automatic', 'none']));
    case 'year':
    case 'edition':
      // Newest first: edition labels start with their year ("2025 Strasbourg").
      return values.sort((a, b) => collator.compare(b, a));
    default:
      return values.sort(byCount);
  }
}

const rank = (list: readonly string[], value: string): number => {
  const i = list.indexOf(value);
  return i === -1 ? list.length : i;
};

/** A value as people read it: « Conférence », « Français », « CC BY-SA 4.0 », « Sous-titres ». */
function facetValueLabel(name: FacetName, value: string, locale: Locale): string {
  if (BOOLEANS.has(name)) {
    const label = translate(locale, `search.facet.${name}`);
    return value === 'true' ? label : translate(locale, 'search.facet.no', { label });
  }
  switch (name) {
    case 'kind':
      return (ITEM_KINDS as readonly string[]).includes(value) ? translate(locale, `card.kind.${value}`) : value;
    case 'licence':
      return (LICENCE_IDS as readonly string[]).includes(value) ? translate(locale, `card.licence.${value}`) : value;
    case 'transcript':
      return ['reviewed', 'automatic', 'none'].includes(value) ? translate(locale, `search.transcript.${value}`) : value;
    case 'language':
      return languageLabel(value, locale);
    default:
      return value;
  }
}

/** « Type : Conférence », « Sous-titres »: what a remove link says. */
export function activeFiltersOf(filters: ActiveFilters, locale: Locale, hrefWithout: (name: FacetName, value: string) => string): ActiveFilter[] {
  const list: ActiveFilter[] = [];
  for (const group of GROUPS) {
    for (const name of group.names) {
      for (const value of filters[name] ?? []) {
        const label = facetValueLabel(name, value, locale);
        const text = BOOLEANS.has(name) ? label : translate(locale, 'search.filter.named', { name: translate(locale, `search.facet.${group.id}`), value: label });
        list.push({ name, value, text, href: hrefWithout(name, value) });
      }
    }
  }
  return list;
}
