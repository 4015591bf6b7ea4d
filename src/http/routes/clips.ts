import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import type { Manifest } from '../../domain/manifest.js';
import { SlotsBusyError } from '../../lib/bounded-slots.js';
import { parseClipRange, type ClipRange } from '../../services/clips/clip-range.js';
import type { ClipFormat, StoredClip } from '../../services/clips/index.js';
import { translate } from '../i18n/messages.js';
import { DEFAULT_LOCALE, isLocale } from '../locale.js';
import { BadRequestError, parseQuery } from '../query-params.js';
import { contextOf } from '../request-context.js';
import { clipTagsOf } from '../view-models/clip-tags.js';
import type { WebDeps } from '../web-deps.js';
import { streamRange } from './media.js';

/** Headers a script on another site may read from a clip answer (CORS hides the others). */
const EXPOSED = 'X-Clip-Start, X-Clip-End, Content-Disposition';

const clipQuery = z.object({
  t: z.string({ error: 'a clip needs t=START,END (seconds, mm:ss or hh:mm:ss)' }),
  lang: z.string({ error: 'must be a language tag' }).regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/, 'must be a language tag such as fr').optional(),
});

/**
 * Clips of a recording: `/api/items/<id>/clip.mp4|clip.m4a?t=S,E` (cut by ClipService, served
 * from the store with Range) and `clip.vtt?t=S,E&lang=xx` (its captions). Every answer names
 * the range really covered in X-Clip-Start / X-Clip-End.
 */
export function clipRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/api/items/:id/clip.:format', async (req, res) => {
    const format = String(req.params.format);
    if (format !== 'mp4' && format !== 'm4a' && format !== 'vtt') throw new NotFoundError(`no clip format "${format.slice(0, 20)}"`);
    const { manifest, range, lang } = await clipRequest(deps, req);
    if (format === 'vtt') return sendCaptions(deps, res, manifest, range, lang);
    return sendClip(deps, req, res, manifest, format, range, lang);
  });
  return router;
}

async function clipRequest(deps: WebDeps, req: Request): Promise<{ manifest: Manifest; range: ClipRange; lang: string | undefined }> {
  const query = parseQuery(req, clipQuery);
  const id = String(req.params.id);
  const manifest = await deps.catalogue.item(id);
  if (!manifest) throw new NotFoundError(`no item "${id.slice(0, 100)}"`);
  const parsed = parseClipRange(query.t, manifest.media.duration);
  if (!parsed.ok) throw new BadRequestError([`t: ${parsed.reason}`]);
  return { manifest, range: parsed.range, lang: query.lang };
}

async function sendCaptions(deps: WebDeps, res: Response, manifest: Manifest, range: ClipRange, lang: string | undefined): Promise<void> {
  const clips = available(deps, res);
  if (!clips) return;
  const captions = await clips.captions(manifest, range, lang);
  clipHeaders(res, manifest.id, captions, 'vtt');
  res.set('Content-Language', captions.language);
  res.type('text/vtt; charset=utf-8').send(captions.vtt);
}

async function sendClip(deps: WebDeps, req: Request, res: Response, manifest: Manifest, format: ClipFormat, range: ClipRange, lang: string | undefined): Promise<void> {
  const clips = available(deps, res);
  if (!clips) return;
  // The credit is written in the site's language asked for, French otherwise.
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  let clip: StoredClip;
  try {
    clip = await clips.clip(manifest, format, range, clipTagsOf(manifest, contextOf(res).origin, locale));
  } catch (error) {
    if (!(error instanceof SlotsBusyError)) throw error;
    busy(res, error.retryAfterSeconds, `every clip cutter is busy: try again in ${error.retryAfterSeconds} s`);
    return;
  }
  clipHeaders(res, manifest.id, clip, format);
  res.set('ETag', `"${clip.sha256}"`).type(clip.contentType);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  await sendStored(deps, req, res, clip.key, clip.size);
}

function available(deps: WebDeps, res: Response): NonNullable<WebDeps['clips']> | null {
  if (deps.clips) return deps.clips;
  busy(res, 3600, 'clips are not cut on this server');
  return null;
}

/** `<id>_<start>-<end>.<ext>`, the real bounds in seconds, as in the headers. */
function clipHeaders(res: Response, id: string, range: ClipRange, extension: string): void {
  const start = seconds(range.start);
  const end = seconds(range.end);
  res.set('X-Clip-Start', start).set('X-Clip-End', end).set('Access-Control-Expose-Headers', EXPOSED);
  // Quoted as the API promises (Express leaves a plain token unquoted); ids and numbers need no escaping.
  res.set('Content-Disposition', `attachment; filename="${id}_${start}-${end}.${extension}"`);
  // The same URL gives a new clip once the item has a new version: cache a while, then revalidate.
  res.set('Cache-Control', 'public, max-age=300');
}

/** The stored clip: the file itself on disk (Range, zero-copy), else the store's stream of the asked range. */
async function sendStored(deps: WebDeps, req: Request, res: Response, key: string, size: number): Promise<void> {
  const local = deps.store.localPath(key);
  if (local) {
    await new Promise<void>((resolve, reject) => {
      res.sendFile(local, { etag: false, lastModified: false, cacheControl: false, dotfiles: 'allow' }, (error) => (error && !res.headersSent ? reject(error) : resolve()));
    });
    return;
  }
  await streamRange(req, res, deps, key, size);
}

/** 503 problem+json with the wait the limiter suggests (the shared error handler always says 30 s). */
function busy(res: Response, retryAfter: number, detail: string): void {
  const title = translate(contextOf(res).locale, 'error.503.title');
  res.status(503).set('Retry-After', String(retryAfter)).set('Cache-Control', 'no-store').type('application/problem+json');
  res.send(JSON.stringify({ type: 'about:blank', title, status: 503, code: 'busy', detail }));
}

function seconds(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
