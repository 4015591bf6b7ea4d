import { Router } from 'express';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '../../domain/errors.js';
import type { Manifest } from '../../domain/manifest.js';
import { cacheKeyOf, EDITION_SLUG, EditionExports } from '../../services/archive/edition-export.js';
import { BadRequestError } from '../query-params.js';
import { contextOf } from '../request-context.js';
import { editionPackageFiles } from '../view-models/edition-package.js';
import { readableTextFiles } from '../view-models/edition-readable-texts.js';
import type { WebDeps } from '../web-deps.js';
import type { PackedFile } from '../../services/archive/edition-package-files.js';

const FORMATS = ['zip'];

/**
 * `/api/editions/<edition>/export.zip`: the edition as one package (see EditionExports), streamed
 * as it is written, or from the store's copy made by an earlier request while no item changed.
 */
export function editionExportRoutes(deps: WebDeps): Router {
  const router = Router();
  const exports = new EditionExports(deps.store, (error) => deps.log?.(`error: edition package not cached: ${String(error)}`));
  router.get('/api/editions/:edition/:file', async (req, res) => {
    const slug = String(req.params.edition);
    const file = String(req.params.file);
    const format = /^export\.(.+)$/.exec(file)?.[1];
    if (format === undefined) throw new NotFoundError(`no file "${file.slice(0, 100)}" for an edition`);
    const problems = [
      ...(EDITION_SLUG.test(slug) && slug.length <= 200 ? [] : [`edition: "${slug.slice(0, 100)}" is not an edition slug such as 2025-strasbourg`]),
      ...(FORMATS.includes(format) ? [] : [`format: "${format.slice(0, 20)}" is not one of ${FORMATS.join(', ')}`]),
    ];
    if (problems.length > 0) throw new BadRequestError(problems);
    const edition = (await deps.catalogue.snapshot()).editions.find((e) => e.slug === slug);
    if (!edition) throw new NotFoundError(`no edition "${slug}"`);
    const { origin } = contextOf(res);
    const info = { slug: edition.slug, label: edition.label, year: edition.year, city: edition.city };
    const request = {
      slug: edition.slug,
      versions: edition.items.map((item) => ({ id: item.id, digest: item.stored.digest })),
      variant: origin,
      // Whole manifests, only to build the package: it lists and packs their files.
      manifests: async () => (await Promise.all(edition.items.map((item) => deps.catalogue.whole(item)))).filter((m): m is Manifest => m !== null),
      generate: async (manifests: readonly Manifest[], packed: readonly PackedFile[]) => [
        ...editionPackageFiles(info, manifests, origin, packed),
        ...(await readableTextFiles(manifests, origin, (key, schema) => deps.catalogue.textFile(key, schema))),
      ],
    };
    // The cache key names this version of the package: a client holding it gets a 304 without anything read.
    const etag = `"${cacheKeyOf(request).split('/').pop()?.replace(/\.zip$/, '')}"`;
    res.set({
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${edition.slug}.zip"`,
      'Cache-Control': 'public, no-cache',
      ETag: etag,
    });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    const opened = await exports.open(request);
    if (opened.size !== null) res.set('Content-Length', String(opened.size));
    if (req.method === 'HEAD') {
      // Headers only; a package being built still goes on into the store (its reader leaving does not stop it).
      opened.stream.destroy();
      res.end();
      return;
    }
    await pipeline(opened.stream, res).catch((error: unknown) => {
      // A client that leaves mid-download is not a server error (the cache copy is still finished).
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    });
  });
  return router;
}
