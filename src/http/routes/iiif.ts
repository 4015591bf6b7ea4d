import { Router, type Response } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { pageTextFileSchema } from '../../domain/text.js';
import { openToAllOrigins } from '../json-response.js';
import { BadRequestError, parseQuery } from '../query-params.js';
import { contextOf } from '../request-context.js';
import { archiveCollection, editionCollection } from '../view-models/iiif-collection.js';
import { iiifManifest } from '../view-models/iiif-manifest.js';
import { PRESENTATION_TYPE, SEARCH_TYPE } from '../view-models/iiif-parts.js';
import { iiifSearchAnswer, MAX_IIIF_SEARCH_HITS } from '../view-models/iiif-search.js';
import type { WebDeps } from '../web-deps.js';

/**
 * IIIF for the archive: Presentation 3.0 manifests and collections, Content Search 2.0 inside an
 * item. Open to any origin (viewers run on other sites), cached briefly with an ETag.
 */
export function iiifRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use('/iiif', openToAllOrigins());
  router.get('/iiif/collection.json', async (_req, res) => {
    sendLd(res, archiveCollection((await deps.catalogue.snapshot()).editions, contextOf(res).origin), PRESENTATION_TYPE);
  });
  router.get('/iiif/editions/:slug/collection.json', async (req, res) => {
    const slug = String(req.params.slug);
    const edition = (await deps.catalogue.snapshot()).editions.find((e) => e.slug === slug);
    if (!edition) throw new NotFoundError(`no edition "${slug.slice(0, 100)}"`);
    sendLd(res, editionCollection(edition, contextOf(res).origin), PRESENTATION_TYPE);
  });
  router.get('/iiif/:id/manifest.json', async (req, res) => {
    const manifest = await itemOf(deps, String(req.params.id));
    const pages = manifest.text.pages ? await deps.catalogue.textFile(manifest.text.pages.key, pageTextFileSchema) : null;
    sendLd(res, iiifManifest({ manifest, origin: contextOf(res).origin, pages, searchable: hasText(manifest) }), PRESENTATION_TYPE);
  });
  router.get('/iiif/:id/search', async (req, res) => {
    const { q } = parseQuery(req, searchQuery);
    const manifest = await itemOf(deps, String(req.params.id));
    if (q.trim() === '') throw new BadRequestError(['q: the words to find in this item']);
    const result = await deps.search.searchWithin(manifest.id, q, MAX_IIIF_SEARCH_HITS);
    sendLd(res, iiifSearchAnswer(manifest, result, contextOf(res).origin), SEARCH_TYPE);
  });
  return router;
}

const searchQuery = z.object({ q: z.string({ error: 'must be one text value' }).default('') });

async function itemOf(deps: WebDeps, id: string): Promise<ManifestFields> {
  const manifest = await deps.catalogue.listing(id);
  if (!manifest) throw new NotFoundError(`no item "${id.slice(0, 100)}"`);
  return manifest;
}

/** Items with text in the index (transcripts, slide text, PDF pages): a search service is offered over those. */
function hasText(manifest: ManifestFields): boolean {
  return manifest.text.transcripts.length > 0 || manifest.text.slides !== null || manifest.text.pages !== null;
}

/**
 * JSON-LD with the profile the specifications name. Sent as bytes: Express would otherwise
 * insert a charset before the profile, and IIIF clients compare the type.
 */
function sendLd(res: Response, body: unknown, type: string): void {
  res.set('Cache-Control', 'public, max-age=60');
  res.set('Content-Type', type);
  res.send(Buffer.from(JSON.stringify(body)));
}
