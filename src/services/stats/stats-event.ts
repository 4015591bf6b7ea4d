import { z } from 'zod';

/**
 * What the player may report (POST /api/events): a play, after ten seconds heard, or the
 * quarter of the recording reached; with the page's language. Nothing else is accepted: an
 * unknown field is an error, not ignored, so the endpoint cannot become a way to send more.
 */
export const MAX_EVENT_BYTES = 1024;
const itemId = z.string().min(1).max(200);
const lang = z.string().regex(/^[a-z]{2,3}$/, 'must be a language subtag such as fr').optional();

export const statsEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('play'), item: itemId, lang }),
  z.strictObject({ type: z.literal('progress'), item: itemId, quartile: z.number().int().min(1).max(4), lang }),
], { error: 'type must be "play" or "progress"' });

export type StatsEvent = z.infer<typeof statsEventSchema>;

/** The event, or the problems with it, one line each. */
export function parseStatsEvent(body: unknown): { event: StatsEvent } | { problems: string[] } {
  const parsed = statsEventSchema.safeParse(body);
  if (parsed.success) return { event: parsed.data };
  return { problems: parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)) };
}
