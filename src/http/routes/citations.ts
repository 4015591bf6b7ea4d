import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { parseMoment, type Moment } from '../../domain/moment.js';
import { BadRequestError, localeParam, parseQuery } from '../query-params.js';
import { contextOf } from '../request-context.js';
import { citationOf } from '../view-models/citation.js';
import { citationBibtex } from '../view-models/citation-bibtex.js';
import { citationCsl } from '../view-models/citation-csl.js';
import { citationRis } from '../view-models/citation-ris.js';
import { CITATION_FILES, type CitationFile } from '../view-models/item-citation.js';
import type { WebDeps } from '../web-deps.js';

/**
 * An item's reference for reference managers: /api/items/<id>/citation.ris | .bib | .json
 * (CSL-JSON), in the language `lang` asks (the page URL, genre and moment words), at the moment
 * `t` asks (`?t=START` or `?t=START,END`, recordings only). Answers are attachments named after
 * the item, so a browser hands them to the reference manager or saves them.
 */
export function citationRoutes(deps: WebDeps): Router {
  const router = Router();
  for (const format of CITATION_FILES) {
    router.get(`/api/items/:id/citation.${format}`, (req, res) => sendCitation(deps, format, req, res));
  }
  return router;
}

const citationQuery = z.object({
  t: z.string({ error: 'must be one moment, START or START,END' }).optional(),
  lang: localeParam,
});

const WRITERS: Record<CitationFile, { type: string; write: (c: ReturnType<typeof citationOf>) => string }> = {
  // application/x-research-info-systems is the type Zotero's connector and EndNote recognise.
  ris: { type: 'application/x-research-info-systems; charset=utf-8', write: citationRis },
  bib: { type: 'application/x-bibtex; charset=utf-8', write: citationBibtex },
  json: { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', write: (c) => `${JSON.stringify(citationCsl(c), null, 2)}\n` },
};

async function sendCitation(deps: WebDeps, format: CitationFile, req: Request, res: Response): Promise<void> {
  const query = parseQuery(req, citationQuery);
  const manifest = await deps.catalogue.listing(String(req.params.id));
  if (!manifest) throw new NotFoundError(`no item "${String(req.params.id).slice(0, 100)}"`);
  const moment = query.t === undefined ? null : momentOf(manifest, query.t);
  const citation = citationOf({ manifest, origin: contextOf(res).origin, locale: query.lang, moment });
  const writer = WRITERS[format];
  res.set('Cache-Control', 'public, max-age=60');
  res.set('Content-Disposition', `attachment; filename="${manifest.id}.${format === 'json' ? 'csl.json' : format}"`);
  res.type(writer.type).send(writer.write(citation));
}

/** A moment of a recording; a document has pages, not times, and its citation takes no `t`. */
function momentOf(manifest: ManifestFields, value: string): Moment {
  if (manifest.kind === 'document') throw new BadRequestError(['t: a document has no moments (cite the document itself)']);
  const parsed = parseMoment(value, manifest.media.duration);
  if (!parsed.ok) throw new BadRequestError([`t: ${parsed.reason}`]);
  return parsed.moment;
}
