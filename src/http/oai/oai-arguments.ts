import { parseDateBound } from './oai-datestamp.js';

/**
 * The arguments of an OAI-PMH request (§3.1.1 and §4 of the protocol): each verb takes its own,
 * none may be repeated or unknown, and a resumptionToken is exclusive. A bad verb or a bad
 * argument makes the whole request unanswerable: every problem is listed, and the answer's
 * `request` element carries no attributes (§3.2).
 */
export const OAI_VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'] as const;
export type OaiVerb = (typeof OAI_VERBS)[number];

interface VerbArguments {
  required: readonly string[];
  optional: readonly string[];
  /** May replace every other argument (the rest of a list). */
  resumable: boolean;
}

const LIST = { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], resumable: true } as const;
const ARGUMENTS: Readonly<Record<OaiVerb, VerbArguments>> = {
  Identify: { required: [], optional: [], resumable: false },
  ListMetadataFormats: { required: [], optional: ['identifier'], resumable: false },
  ListSets: { required: [], optional: [], resumable: true },
  ListIdentifiers: LIST,
  ListRecords: LIST,
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [], resumable: false },
};

/**
 * The syntax OAI-PMH.xsd gives a metadataPrefix and a setSpec: a value outside it is an illegal
 * argument (and could not be echoed in a valid answer), not merely one that matches nothing.
 */
const SYNTAX: Readonly<Record<string, RegExp>> = {
  metadataPrefix: /^[A-Za-z0-9\-_.!~*'()]+$/,
  set: /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/,
};

export interface OaiError {
  code: 'badVerb' | 'badArgument' | 'cannotDisseminateFormat' | 'idDoesNotExist' | 'noRecordsMatch' | 'badResumptionToken';
  message: string;
}

export type OaiArguments =
  | { ok: true; verb: OaiVerb; args: Readonly<Record<string, string>> }
  | { ok: false; errors: OaiError[] };

/** Reads the arguments (query string or form body, as given: repetitions kept). */
export function readArguments(params: URLSearchParams): OaiArguments {
  const verbs = params.getAll('verb');
  const verb = verbs[0];
  if (verbs.length !== 1 || verb === undefined || !isVerb(verb)) {
    const said = verbs.length === 0 ? 'no verb' : verbs.length > 1 ? 'the verb is repeated' : `"${verb?.slice(0, 40) ?? ''}" is not a verb`;
    return { ok: false, errors: [{ code: 'badVerb', message: `${said}; the verbs are ${OAI_VERBS.join(', ')}` }] };
  }
  const expected = ARGUMENTS[verb];
  const errors: OaiError[] = [];
  const bad = (message: string): void => void errors.push({ code: 'badArgument', message });
  const args: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    if (name === 'verb') continue;
    const [value = '', ...more] = params.getAll(name);
    const known = expected.required.includes(name) || expected.optional.includes(name) || (expected.resumable && name === 'resumptionToken');
    const syntax = SYNTAX[name];
    if (!known) bad(`${verb} takes no argument "${name.slice(0, 40)}"`);
    else if (more.length > 0) bad(`"${name}" is repeated`);
    else if (value === '') bad(`"${name}" is empty`);
    else if (syntax && !syntax.test(value)) bad(`${name} "${value.slice(0, 40)}" is not written as OAI-PMH writes a ${name}`);
    else args[name] = value;
  }
  if (args.resumptionToken !== undefined) {
    const others = Object.keys(args).filter((name) => name !== 'resumptionToken');
    if (others.length > 0) bad(`resumptionToken is exclusive: remove ${others.join(', ')}`);
  } else {
    for (const name of expected.required) if (params.getAll(name).length === 0) bad(`${verb} needs "${name}"`);
    datesProblem(args.from, args.until, bad);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, verb, args };
}

function isVerb(value: string): value is OaiVerb {
  return (OAI_VERBS as readonly string[]).includes(value);
}

function datesProblem(from: string | undefined, until: string | undefined, bad: (message: string) => void): void {
  const lower = from === undefined ? null : parseDateBound(from, 'from');
  const upper = until === undefined ? null : parseDateBound(until, 'until');
  const form = 'YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC)';
  if (from !== undefined && !lower) bad(`from "${from.slice(0, 40)}" is not a date ${form}`);
  if (until !== undefined && !upper) bad(`until "${until.slice(0, 40)}" is not a date ${form}`);
  if (!lower || !upper) return;
  if (lower.granularity !== upper.granularity) bad('from and until must have the same granularity');
  else if (lower.value > upper.value) bad('from is later than until');
}
