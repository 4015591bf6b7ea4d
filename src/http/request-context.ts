import type { Request, Response } from 'express';
import { isLocale, type Locale } from './locale.js';

/**
 * Per-request facts every handler needs, set once by the first middleware: the page's locale
 * (from the path's prefix in the locale table) and the site's origin for absolute links (feeds,
 * oEmbed, canonical URLs, JSON-LD).
 */
export interface RequestContext {
  locale: Locale;
  origin: string;
}

export function contextOf(res: Response): RequestContext {
  const context = res.locals.context as RequestContext | undefined;
  if (!context || !isLocale(context.locale)) throw new Error('request context missing: is the context middleware installed?');
  return context;
}

/** PUBLIC_URL when set (behind a proxy it is the only trustworthy origin), else the request's own. */
export function originOf(req: Request, publicUrl: string | null): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
