import { Router, type Request, type Response } from 'express';
import type { ManifestFields } from '../../domain/manifest.js';
import { NotFoundError } from '../../domain/errors.js';
import { pageTextFileSchema, slideTextFileSchema, transcriptFileSchema } from '../../domain/text.js';
import type { Catalogue } from '../../services/catalogue/catalogue.js';
import { translate } from '../i18n/messages.js';
import { LOCALES, routePattern, type Locale } from '../locale.js';
import { sendCachedPage } from '../cached-page.js';
import { pageKey } from '../page-cache.js';
import { renderPage, sendPage } from '../render.js';
import { contextOf } from '../request-context.js';
import { itemRoute, type ItemRoute, urlFor } from '../urls.js';
import { DUBLIN_CORE_SCHEMA } from '../view-models/citation-meta.js';
import { itemJsonLd } from '../view-models/json-ld.js';
import { itemPageModel, type ItemTexts } from '../view-models/item-page.js';
import { parseItemQuery } from '../view-models/item-query.js';
import { momentFormTarget } from '../view-models/moment.js';
import { chooseTranscript } from '../view-models/transcript.js';
import type { WebDeps } from '../web-deps.js';

const SECTIONS: readonly ItemRoute[] = ['talk', 'podcast', 'document'];

/**
 * The page of one item (/talks/<id>, /podcasts/<id>, /documents/<id>) and its embeddable
 * version (/embed/<id>), in both languages. An id asked under the wrong section is redirected
 * to its own (links guessed by hand, items whose kind changed); an unknown id falls through to
 * the 404 page.
 */
export function itemPageRoutes(deps: WebDeps): Router {
  const router = Router();
  for (const locale of LOCALES) {
    for (const section of SECTIONS) {
      router.get(routePattern(section, locale), (req, res, next) => {
        itemPage(deps, section, locale, req, res).then((done) => done || next(), next);
      });
    }
    router.get(routePattern('embed', locale), (req, res, next) => {
      embedPage(deps, req, res).then((done) => done || next(), next);
    });
  }
  return router;
}

async function itemPage(deps: WebDeps, section: ItemRoute, locale: Locale, req: Request, res: Response): Promise<boolean> {
  const listing = await deps.catalogue.listing(String(req.params.id));
  if (!listing) return false;
  const right = itemRoute(listing.kind);
  if (right !== section) {
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    res.redirect(301, `${urlFor(right, locale, { id: listing.id })}${search}`);
    return true;
  }
  const { origin } = contextOf(res);
  const query = queryOf(req, listing);
  const chosen = momentFormTarget(section, locale, listing.id, query);
  if (chosen !== null) {
    res.redirect(303, chosen);
    return true;
  }
  // Everything the page shows comes from this manifest (its text files' keys change with its
  // revision): a kept page is sent without its files read.
  await sendCachedPage(req, res, deps.pages, pageKey([listing], origin, req.originalUrl), async () => {
    const manifest = await deps.catalogue.whole(listing);
    if (!manifest) throw new NotFoundError(`item "${listing.id}" is gone`); // removed since it was listed
    const texts = await textsOf(deps.catalogue, manifest, locale, query.transcript);
    const model = itemPageModel({ manifest, locale, origin, route: section, query, texts });
    const page = renderPage(res, deps.views, section, { item: model }, {
      page: { route: section, params: { id: manifest.id } },
      title: manifest.title,
      description: model.description,
      // The words said, so that search engines and reusers find them too (recordings only).
      jsonLd: itemJsonLd(manifest, origin, locale, spokenText(texts)),
      scripts: [section === 'document' ? 'js/item.js' : 'js/player.js'],
      styles: ['css/item.css'],
      // Highwire and Dublin Core tags: what Zotero and Google Scholar read to cite the page.
      meta: model.citation.meta,
      links: [
        DUBLIN_CORE_SCHEMA,
        {
          rel: 'alternate',
          type: 'application/json+oembed',
          // The page at its moment, so that an embed found from a moment's page plays that moment.
          href: `${origin}/oembed?url=${encodeURIComponent(`${origin}${model.fullPage.href}`)}`,
          title: translate(locale, 'item.oembed.title'),
        },
      ],
      image: model.image,
    });
    return { ...page, complete: texts.complete };
  });
  return true;
}

async function embedPage(deps: WebDeps, req: Request, res: Response): Promise<boolean> {
  const manifest = await deps.catalogue.item(String(req.params.id));
  if (!manifest) return false;
  const { origin, locale } = contextOf(res);
  const query = queryOf(req, manifest);
  const texts = manifest.kind === 'document'
    ? { transcript: null, slides: null, pages: null }
    : await textsOf(deps.catalogue, manifest, locale, query.transcript);
  const model = itemPageModel({ manifest, locale, origin, route: 'embed', query, texts });
  sendPage(res, deps.views, 'embed', { item: model }, {
    page: { route: 'embed', params: { id: manifest.id } },
    title: manifest.title,
    description: model.description,
    scripts: manifest.kind === 'document' ? [] : ['js/player.js'],
    styles: ['css/item.css'],
    noindex: true,
    layout: 'embed',
  });
  return true;
}

function queryOf(req: Request, manifest: ManifestFields): ReturnType<typeof parseItemQuery> {
  return parseItemQuery(req.query as Record<string, unknown>, {
    duration: manifest.media.duration,
    pageCount: Math.max(manifest.media.pages ?? 0, manifest.text.pages?.count ?? 0),
    transcriptLanguages: manifest.text.transcripts.map((t) => t.language),
  });
}

/**
 * The text files a page shows: one transcript (the language chosen for this page), the slides'
 * text, a document's pages. A file that cannot be read leaves its section out, never the page.
 */
async function textsOf(catalogue: Catalogue, manifest: ManifestFields, locale: Locale, asked: string | null): Promise<ItemTexts & { complete: boolean }> {
  const chosen = chooseTranscript(manifest, locale, asked);
  // A talk shows its PDF's pages only when slide OCR gave nothing.
  const pagesFile = manifest.kind === 'document' || !manifest.text.slides ? manifest.text.pages : null;
  const [transcript, slides, pages] = await Promise.all([
    chosen ? catalogue.textFile(chosen.json, transcriptFileSchema).catch(() => null) : null,
    manifest.text.slides ? catalogue.textFile(manifest.text.slides.key, slideTextFileSchema).catch(() => null) : null,
    pagesFile ? catalogue.textFile(pagesFile.key, pageTextFileSchema).catch(() => null) : null,
  ]);
  // A file listed but not read now (a store hiccup) leaves the page short of it: such a page is not kept.
  const complete = (transcript !== null || !chosen) && (slides !== null || !manifest.text.slides) && (pages !== null || !pagesFile);
  return { transcript, slides, pages, complete };
}

function spokenText(texts: ItemTexts): string | undefined {
  const cues = texts.transcript?.cues ?? [];
  return cues.length > 0 ? cues.map((cue) => cue.text).join(' ').replace(/\s+/g, ' ').trim() : undefined;
}
