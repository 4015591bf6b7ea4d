import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { HighlightPart } from '../ports/search-index.js';
import { formatBytes, formatDate, formatDuration, isoDuration, timecode } from './format.js';
import { formatNumber, translate } from './i18n/messages.js';
import { isLocale, type Locale, type RouteName } from './locale.js';
import { urlFor } from './urls.js';

/** The views folder beside src/ and dist/ (both are one level below the package root). */
export const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));

type Template = Handlebars.TemplateDelegate;

/**
 * Handlebars templates compiled once at start (views/pages, views/partials, views/layouts).
 * `{{…}}` escapes everything; the only helpers that return markup build it from escaped parts.
 */
export class ViewEngine {
  private constructor(
    private readonly hbs: typeof Handlebars,
    private readonly pages: ReadonlyMap<string, Template>,
    private readonly layouts: ReadonlyMap<string, Template>,
  ) {}

  static load(dir: string = VIEWS_DIR, assetPrefix = '/assets'): ViewEngine {
    const hbs = Handlebars.create();
    registerHelpers(hbs, assetPrefix);
    for (const [name, source] of templatesIn(path.join(dir, 'partials'))) hbs.registerPartial(name, source);
    const compile = (source: string): Template => hbs.compile(source, { strict: false, preventIndent: true });
    const pages = new Map([...templatesIn(path.join(dir, 'pages'))].map(([name, source]) => [name, compile(source)]));
    const layouts = new Map([...templatesIn(path.join(dir, 'layouts'))].map(([name, source]) => [name, compile(source)]));
    return new ViewEngine(hbs, pages, layouts);
  }

  has(page: string): boolean {
    return this.pages.has(page);
  }

  /** The page's HTML inside its layout (`layout: null` for a fragment); `model.locale` is required. */
  render(page: string, model: { locale: Locale } & Record<string, unknown>, layout: string | null = 'main'): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`no view "${page}" in views/pages`);
    const body = template(model);
    if (layout === null) return body;
    const wrapper = this.layouts.get(layout);
    if (!wrapper) throw new Error(`no layout "${layout}" in views/layouts`);
    return wrapper({ ...model, body: new this.hbs.SafeString(body) });
  }
}

/** name → source for every .hbs file below `dir` ("items/card" for items/card.hbs). */
function templatesIn(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.hbs')) found.set(path.relative(dir, full).slice(0, -4).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir);
  return found;
}

interface HelperOptions {
  hash: Record<string, unknown>;
  data: { root: { locale?: unknown } };
  fn?: (context: unknown) => string;
  inverse?: (context: unknown) => string;
}

const localeOf = (options: HelperOptions): Locale => {
  const locale = options.data.root.locale;
  if (!isLocale(locale)) throw new Error('views need a `locale` in their model');
  return locale;
};

/** Safe inside <script type="application/ld+json">: no "</script>", no HTML comment, no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function registerHelpers(hbs: typeof Handlebars, assetPrefix: string): void {
  const escape = hbs.Utils.escapeExpression;
  // Positional arguments come first, the options object last.
  const args = (all: unknown[]): { values: unknown[]; options: HelperOptions } => ({
    values: all.slice(0, -1),
    options: all[all.length - 1] as HelperOptions,
  });

  /** {{t "key" count=3 name="x"}}: the interface text in the page's locale. */
  hbs.registerHelper('t', (...all: unknown[]) => {
    const { values, options } = args(all);
    return translate(localeOf(options), String(values[0]), options.hash);
  });
  /** {{url "talk" id=item.id}}: a page's path in the page's locale (or `locale="en"`). */
  hbs.registerHelper('url', (...all: unknown[]) => {
    const { values, options } = args(all);
    const { locale, ...params } = options.hash;
    const target = isLocale(locale) ? locale : localeOf(options);
    return urlFor(String(values[0]) as RouteName, target, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
  });
  hbs.registerHelper('asset', (file: unknown) => `${assetPrefix}/${String(file)}`);
  hbs.registerHelper('date', (value: unknown, options: HelperOptions) => formatDate(localeOf(options), typeof value === 'string' ? value : null));
  hbs.registerHelper('duration', (value: unknown, options: HelperOptions) => formatDuration(localeOf(options), typeof value === 'number' ? value : null));
  hbs.registerHelper('timecode', (value: unknown) => (typeof value === 'number' ? timecode(value) : ''));
  hbs.registerHelper('isoDuration', (value: unknown) => (typeof value === 'number' ? isoDuration(value) : ''));
  hbs.registerHelper('seconds', (value: unknown) => (typeof value === 'number' ? String(Math.floor(value)) : '0'));
  hbs.registerHelper('bytes', (value: unknown, options: HelperOptions) => (typeof value === 'number' ? formatBytes(localeOf(options), value) : ''));
  hbs.registerHelper('number', (value: unknown, options: HelperOptions) => (typeof value === 'number' ? formatNumber(localeOf(options), value) : ''));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('and', (...all: unknown[]) => args(all).values.every(Boolean));
  hbs.registerHelper('or', (...all: unknown[]) => args(all).values.some(Boolean));
  hbs.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hbs.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''));
  /** {{highlight parts}}: a snippet with its matched words in <mark>, every part escaped. */
  hbs.registerHelper('highlight', (parts: unknown) => {
    const list = Array.isArray(parts) ? (parts as HighlightPart[]) : [];
    return new hbs.SafeString(list.map((p) => (p.match ? `<mark>${escape(p.text)}</mark>` : escape(p.text))).join(''));
  });
  /** {{jsonLd data}}: schema.org data for a <script type="application/ld+json"> block. */
  hbs.registerHelper('jsonLd', (value: unknown) => new hbs.SafeString(jsonForScript(value)));
}

/** A short hash of the static files, put in their URLs so they can be cached for a year. */
export function assetVersion(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 10);
}
