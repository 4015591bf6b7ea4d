import { Router, type Response } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { parseLanguage } from '../../domain/language.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { pageTextFileSchema, primaryLanguage, slideTextFileSchema, transcriptFileSchema } from '../../domain/text.js';
import { DEFAULT_LOCALE, LOCALES } from '../locale.js';
import { parseQuery } from '../query-params.js';
import { contextOf } from '../request-context.js';
import { isTranscriptFormat, pagesFile, slidesFile, transcriptFile, TRANSCRIPT_FORMATS, type TextFile } from '../view-models/text-files/text-files.js';
import { chooseTranscript } from '../view-models/transcript.js';
import type { WebDeps } from '../web-deps.js';

/**
 * An item's text as files to read or reuse: /api/items/<id>/transcript.<format>?lang=xx,
 * slides.txt and pages.txt. Only the text files the manifest lists are read.
 */
export function transcriptRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/api/items/:id/transcript.:format', async (req, res) => {
    const format = String(req.params.format);
    if (!isTranscriptFormat(format)) throw new NotFoundError(`no transcript format "${format.slice(0, 20)}": one of ${TRANSCRIPT_FORMATS.join(', ')}`);
    const { lang } = parseQuery(req, z.object({ lang: languageParam.optional() }));
    const manifest = await itemOf(deps, String(req.params.id));
    const chosen = transcriptIn(manifest, lang ?? null);
    const file = await deps.catalogue.textFile(chosen.json, transcriptFileSchema);
    if (!file) throw new NotFoundError(`the ${chosen.language} transcript of "${manifest.id}" cannot be read`);
    send(res, await transcriptFile(manifest, file, format, contextOf(res).origin));
  });
  router.get('/api/items/:id/slides.txt', async (req, res) => {
    const { lang } = parseQuery(req, labelsQuery);
    const manifest = await itemOf(deps, String(req.params.id));
    const key = manifest.text.slides?.key;
    const file = key ? await deps.catalogue.textFile(key, slideTextFileSchema) : null;
    if (!file) throw new NotFoundError(`"${manifest.id}" has no slide text${manifest.text.pages ? ' (its PDF’s text is at pages.txt)' : ''}`);
    send(res, slidesFile(manifest, file, contextOf(res).origin, lang));
  });
  router.get('/api/items/:id/pages.txt', async (req, res) => {
    const { lang } = parseQuery(req, labelsQuery);
    const manifest = await itemOf(deps, String(req.params.id));
    const key = manifest.text.pages?.key;
    const file = key ? await deps.catalogue.textFile(key, pageTextFileSchema) : null;
    if (!file) throw new NotFoundError(`"${manifest.id}" has no PDF text${manifest.text.slides ? ' (its slide text is at slides.txt)' : ''}`);
    send(res, pagesFile(manifest, file, contextOf(res).origin, lang));
  });
  return router;
}

/** A BCP 47 tag ("fr", "en", "fr-CA"), canonicalised. */
const languageParam = z.string().transform((value, ctx) => {
  const parsed = parseLanguage(value.slice(0, 40));
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: 'must be a language tag such as fr or en' });
  return z.NEVER;
});

/** Slides and pages have one text: `lang` only chooses the language of the header's labels. */
const labelsQuery = z.object({ lang: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).optional() });

async function itemOf(deps: WebDeps, id: string): Promise<ManifestFields> {
  const manifest = await deps.catalogue.listing(id);
  if (!manifest) throw new NotFoundError(`no item "${id.slice(0, 100)}"`);
  return manifest;
}

/** The transcript in `lang` (its exact tag, else the same primary language), or the page's choice without `lang`. */
function transcriptIn(manifest: ManifestFields, lang: string | null): ManifestFields['text']['transcripts'][number] {
  const all = manifest.text.transcripts;
  if (all.length === 0) throw new NotFoundError(`"${manifest.id}" has no transcript`);
  if (lang === null) return chooseTranscript(manifest, DEFAULT_LOCALE, null) ?? all[0]!;
  const found = all.find((t) => t.language.toLowerCase() === lang.toLowerCase()) ?? all.find((t) => primaryLanguage(t.language) === primaryLanguage(lang));
  if (!found) throw new NotFoundError(`no transcript of "${manifest.id}" in "${lang}": available in ${all.map((t) => t.language).join(', ')}`);
  return found;
}

/** Inline or attachment, always named "<id>.<lang>.<ext>" (ids and canonical tags are plain ASCII); cached briefly with an ETag. */
function send(res: Response, file: TextFile): void {
  res.set('Cache-Control', 'public, max-age=60');
  res.set('Content-Disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.fileName}"`);
  res.set('Content-Type', file.contentType);
  res.send(file.body);
}
