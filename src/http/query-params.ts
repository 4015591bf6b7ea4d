import type { Request } from 'express';
import { z, type ZodType } from 'zod';
import { AppError } from '../domain/errors.js';
import { DEFAULT_LOCALE, LOCALES } from './locale.js';

/**
 * A request with parameters that cannot be understood: a 400 (the error middleware reads
 * `status` and lists `problems`). Every problem is reported at once, named by parameter.
 */
export class BadRequestError extends AppError {
  override name = 'BadRequestError';
  override readonly code = 'bad_request';
  readonly status = 400;
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/**
 * Parses `req.query` with `schema`. Unknown parameters are ignored (cache-busters, tracking
 * tags); a known one with a bad value is a 400. The extended query parser turns `a[b]=c` into
 * objects: the schemas accept only strings (or lists of strings where a list makes sense).
 */
export function parseQuery<T>(req: Request, schema: ZodType<T>): T {
  const parsed = schema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  throw new BadRequestError(parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'query'}: ${issue.message}`));
}

/** The most items one page of /api/items holds. */
export const MAX_ITEMS_PER_PAGE = 100;

/** A whole number from 1, written in digits ("2", not "2.0" or "1e3"). */
export const positiveInt = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a whole number from 1')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be a whole number from 1'));

/** One value, or several (`?theme=a&theme=b`): always a list. */
export const oneOrMany = z
  .union([z.string(), z.array(z.string())], { error: 'must be a text value' })
  .transform((value) => (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== ''));

export const localeParam = z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default(DEFAULT_LOCALE);
