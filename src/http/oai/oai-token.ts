import { z } from 'zod';
import { isSecondsDatestamp } from './oai-datestamp.js';

/**
 * Resumption tokens hold the whole request and where the harvest stands, and nothing is kept on
 * the server: a token survives a restart, a second server or a week's pause. The position is
 * the last record given (datestamp and id, the harvest order of oai-records.ts), not a count:
 * records added, changed or removed meanwhile do not shift what comes next.
 */
export const LIST_VERBS = ['ListIdentifiers', 'ListRecords'] as const;
export type ListVerb = (typeof LIST_VERBS)[number];

export interface ListRequest {
  verb: ListVerb;
  metadataPrefix: string;
  set: string | null;
  /** Bounds in the seconds form (inclusive). */
  from: string | null;
  until: string | null;
}

export interface ResumptionState extends ListRequest {
  /** The last record already given: [datestamp, id]. */
  after: readonly [string, string];
}

const datestamp = z.string().refine(isSecondsDatestamp);
const stateSchema = z.object({
  v: z.literal(1),
  verb: z.enum(LIST_VERBS),
  metadataPrefix: z.string().min(1).max(100),
  set: z.string().min(1).max(300).nullable(),
  from: datestamp.nullable(),
  until: datestamp.nullable(),
  after: z.tuple([datestamp, z.string().min(1).max(300)]),
}).strict();

/** base64url of a small JSON object: only characters a URL and XML carry as they are. */
export function encodeToken(state: ResumptionState): string {
  return Buffer.from(JSON.stringify({ v: 1, ...state }), 'utf8').toString('base64url');
}

/** The state of a token this endpoint handed out for `verb`, or null (badResumptionToken). */
export function decodeToken(token: string, verb: ListVerb): ResumptionState | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(token)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success || parsed.data.verb !== verb) return null;
  const { v: _version, ...state } = parsed.data;
  return state;
}
