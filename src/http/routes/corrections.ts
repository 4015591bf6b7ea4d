import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import type { Manifest } from '../../domain/manifest.js';
import { readOrCreateSessionKey } from '../../services/operators/session-key.js';
import { CorrectionFieldError, passageOfItem, suggestCorrection } from '../../services/corrections/suggest-correction.js';
import { FailureLimiter } from '../admin/admin-rate-limit.js';
import { checkFormStamp, formStamp } from '../correction-stamp.js';
import { translate } from '../i18n/messages.js';
import { isLocale, LOCALES, routePattern, type Locale } from '../locale.js';
import { sendPage } from '../render.js';
import { contextOf } from '../request-context.js';
import { BadRequestError } from '../query-params.js';
import { passageHref, urlFor } from '../urls.js';
import { correctionFormModel, type CorrectionValues } from '../view-models/correction-form.js';
import type { WebDeps } from '../web-deps.js';

/** Suggestions kept per address and hour, in this process (each web process counts its own). */
export const SUGGESTIONS_PER_HOUR = 10;
/** A suggestion is a passage of text: a form or JSON body larger than this is refused (413). */
const BODY_LIMIT = '16kb';
const HOUR_MS = 60 * 60 * 1000;

const seconds = z.union([z.number(), z.string().regex(/^\d{1,6}(\.\d{1,3})?$/).transform(Number)]).pipe(z.number().nonnegative());
const formQuery = z.object({ t: seconds.optional(), lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/).optional() });
const optionalText = z.string().nullish();
const jsonBody = z.object({ start: z.number().nonnegative(), text: z.string(), speaker: optionalText, note: optionalText, language: optionalText }).strict();
const formBody = z.object({
  start: seconds, text: z.string(), speaker: optionalText, note: optionalText, language: optionalText,
  locale: z.string().optional(), stamp: z.string().optional(), website: z.string().optional(),
});

/**
 * Corrections suggested by visitors: the form under each transcript passage (a page in every
 * locale, no account, no cookie), its thank-you page, and `POST /api/items/<id>/corrections`,
 * which takes the form (303 to the thank-you page) or JSON (202 with the suggestion's id).
 * Anti-spam without tracking: a honeypot field, a signed time the form was shown (not sent back
 * sooner than a person reads), a limit per address and hour kept in memory, size limits.
 */
export function correctionRoutes(deps: WebDeps, options: { perHour?: number } = {}): Router {
  const router = Router();
  const limiter = new FailureLimiter(options.perHour ?? SUGGESTIONS_PER_HOUR, HOUR_MS);
  let key: Promise<Buffer> | null = null;
  const siteKey = (): Promise<Buffer> => (key ??= readOrCreateSessionKey(deps.store).catch((error: unknown) => { key = null; throw error; }));

  const itemWithTranscript = async (id: string): Promise<Manifest> => {
    const manifest = await deps.catalogue.item(id);
    if (!manifest || manifest.text.transcripts.length === 0) throw new NotFoundError(`no transcript for ${id}`);
    return manifest;
  };

  const showForm = async (res: Response, manifest: Manifest, start: number, language: string | null, extra: { values?: CorrectionValues; error?: { field: string; key: string }; status?: number } = {}): Promise<boolean> => {
    const found = await passageOfItem(deps.store, manifest, start, language);
    if (!found) return false;
    const { locale } = contextOf(res);
    const model = correctionFormModel({
      manifest, passage: found.passage, language: found.transcript.language, locale, stamp: formStamp(await siteKey(), manifest.id),
      ...(extra.values ? { values: extra.values } : {}), error: extra.error ?? null,
    });
    sendPage(res, deps.views, 'correction', model as unknown as Record<string, unknown>, {
      page: { route: 'correction', params: { id: manifest.id }, query: { t: found.passage.start, lang: found.transcript.language } },
      title: `${model.heading} — ${manifest.title}`,
      noindex: true,
      // The page holds the time it was shown: never kept, by this server or another.
      cacheControl: 'no-store',
      styles: ['css/corrections.css'],
      ...(extra.status ? { status: extra.status } : {}),
    });
    return true;
  };

  for (const locale of LOCALES) {
    router.get(routePattern('correction', locale), async (req, res, next) => {
      const query = formQuery.safeParse(req.query);
      if (!query.success) throw new BadRequestError(query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      const manifest = await itemWithTranscript(String(req.params.id));
      if (!(await showForm(res, manifest, query.data.t ?? 0, query.data.lang ?? null))) next();
    });

    router.get(routePattern('correctionThanks', locale), async (req, res) => {
      const manifest = await itemWithTranscript(String(req.params.id));
      const t = formQuery.safeParse(req.query).data?.t ?? null;
      sendPage(res, deps.views, 'correction-thanks', {
        heading: translate(locale, 'corrections.thanks.title'),
        text: translate(locale, 'corrections.thanks.text'),
        back: { href: `${passageHref(manifest.kind, manifest.id, { start: t, page: null }, locale)}${t === null ? '' : '#player'}`, text: translate(locale, 'corrections.thanks.back', { title: manifest.title }) },
      }, { page: { route: 'correctionThanks', params: { id: manifest.id } }, title: translate(locale, 'corrections.thanks.title'), noindex: true });
    });
  }

  const bodies = [express.json({ limit: BODY_LIMIT }), express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 20 })];
  router.post('/api/items/:id/corrections', ...bodies, async (req, res) => {
    const manifest = await itemWithTranscript(String(req.params.id));
    const address = req.ip ?? 'unknown';
    if (req.is('application/json')) {
      const body = jsonBody.safeParse(req.body);
      if (!body.success) throw new BadRequestError(body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`));
      refuseOverLimit(limiter, address, res);
      const suggestion = await suggestCorrection(deps.store, manifest, body.data);
      limiter.fail(address);
      res.status(202).set('Cache-Control', 'no-store').json({ id: suggestion.id, state: suggestion.state, start: suggestion.start, end: suggestion.end });
      return;
    }
    if (!req.is('application/x-www-form-urlencoded')) throw new BadRequestError(['body: send application/json or a form (application/x-www-form-urlencoded)']);
    await takeForm(req, res, manifest, address);
  });

  async function takeForm(req: Request, res: Response, manifest: Manifest, address: string): Promise<void> {
    const body = formBody.safeParse(req.body);
    if (!body.success) throw new BadRequestError(body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`));
    const form = body.data;
    const locale: Locale = isLocale(form.locale) ? form.locale : contextOf(res).locale;
    res.locals.context = { ...contextOf(res), locale };
    const thanks = urlFor('correctionThanks', locale, { id: manifest.id }, { t: Math.floor(form.start) });
    // A robot that filled the hidden field is told it worked, and nothing is kept.
    if (form.website) return void res.redirect(303, thanks);
    const values = { text: form.text, speaker: form.speaker ?? '', note: form.note ?? '' };
    const again = async (field: string, key: string, status = 400): Promise<void> => {
      if (!(await showForm(res, manifest, form.start, form.language ?? null, { values, error: { field, key }, status }))) throw new CorrectionFieldError('start', 'no passage there');
    };
    if (checkFormStamp(await siteKey(), manifest.id, form.stamp) !== 'ok') return again('text', 'corrections.form.error.stamp');
    if (limiter.retryAfter(address) !== null) {
      res.set('Retry-After', String(limiter.retryAfter(address)));
      return again('text', 'corrections.form.error.rate', 429);
    }
    try {
      await suggestCorrection(deps.store, manifest, { start: form.start, text: form.text, speaker: form.speaker ?? null, note: form.note ?? null, language: form.language ?? null });
    } catch (error) {
      if (error instanceof CorrectionFieldError) return again(error.field, `corrections.form.error.${error.field}`);
      throw error;
    }
    limiter.fail(address);
    res.redirect(303, thanks);
  }

  return router;
}

/** Over the limit: 429 with the seconds to wait (Retry-After), before anything is read or kept. */
function refuseOverLimit(limiter: FailureLimiter, address: string, res: Response): void {
  const wait = limiter.retryAfter(address);
  if (wait === null) return;
  res.set('Retry-After', String(wait));
  throw Object.assign(new Error(`too many suggestions from this address: try again in ${wait} s`), { status: 429 });
}
