import type { CatalogueSnapshot } from '../../services/catalogue/catalogue.js';
import type { XmlNode } from '../xml.js';
import { readArguments, type OaiError, type OaiVerb } from './oai-arguments.js';
import { OAI_DC, oaiDc } from './oai-dc.js';
import { parseDateBound } from './oai-datestamp.js';
import { identify, idOfIdentifier, oaiIdentifier, type OaiRepository } from './oai-identify.js';
import { compareRecords, inSet, oaiRecord, oaiRecords, oaiSets, type OaiRecord } from './oai-records.js';
import { oaiDocument } from './oai-response.js';
import { decodeToken, encodeToken, type ListRequest, type ListVerb } from './oai-token.js';

export interface OaiContext {
  snapshot: CatalogueSnapshot;
  repository: OaiRepository;
  /** The site's origin, for the links inside records. */
  origin: string;
  /** Records (or headers) per answer of a list; the rest follows a resumption token. */
  pageSize: number;
  now: Date;
}

/** An answer, or the same request about the current id of a renamed item (its earlier id answers 301 everywhere). */
export type OaiAnswer = { xml: string } | { redirectTo: Record<string, string> };

type Outcome = { verb: OaiVerb; body: XmlNode } | { errors: OaiError[] } | { redirectTo: Record<string, string> };

/** The six verbs of OAI-PMH 2.0 over one catalogue snapshot. */
export function answerOai(params: URLSearchParams, context: OaiContext): OaiAnswer {
  const base = { now: context.now, baseUrl: context.repository.baseUrl };
  const parsed = readArguments(params);
  if (!parsed.ok) return { xml: oaiDocument({ ...base, request: null, answer: { errors: parsed.errors } }) };
  const outcome = verbOutcome(parsed.verb, parsed.args, context);
  if ('redirectTo' in outcome) return outcome;
  return { xml: oaiDocument({ ...base, request: { verb: parsed.verb, ...parsed.args }, answer: outcome }) };
}

function verbOutcome(verb: OaiVerb, args: Readonly<Record<string, string>>, context: OaiContext): Outcome {
  switch (verb) {
    case 'Identify':
      return { verb, body: identify(context.snapshot, context.repository, context.now) };
    case 'ListMetadataFormats': {
      const found = args.identifier === undefined ? null : resolve(args.identifier, verb, args, context);
      if (found && !('record' in found)) return found;
      return { verb, body: { metadataFormat: { metadataPrefix: OAI_DC.prefix, schema: OAI_DC.schema, metadataNamespace: OAI_DC.namespace } } };
    }
    case 'ListSets':
      // Sets are few (an edition a year, six kinds): one answer holds them all and no token is ever handed out.
      if (args.resumptionToken !== undefined) return { errors: [badToken()] };
      return { verb, body: { set: oaiSets(context.snapshot).map((s) => ({ setSpec: s.spec, setName: s.name })) } };
    case 'GetRecord': {
      const errors = args.metadataPrefix === OAI_DC.prefix ? [] : [cannotDisseminate(args.metadataPrefix)];
      const found = resolve(args.identifier ?? '', verb, args, context);
      if ('errors' in found) return { errors: [...errors, ...found.errors] };
      if (errors.length > 0) return { errors };
      if ('redirectTo' in found) return found;
      return { verb, body: { record: recordNode(found.record, context) } };
    }
    case 'ListIdentifiers':
    case 'ListRecords':
      return list(verb, args, context);
  }
}

/** The record an identifier names; an earlier id of a renamed item redirects to the same request about its current id. */
function resolve(identifier: string, verb: OaiVerb, args: Readonly<Record<string, string>>, context: OaiContext): { record: OaiRecord } | { errors: OaiError[] } | { redirectTo: Record<string, string> } {
  const id = idOfIdentifier(context.repository, identifier);
  const record = id === null ? null : oaiRecord(context.snapshot, id);
  if (record) return { record };
  const current = id === null ? undefined : context.snapshot.aliases.get(id);
  if (current !== undefined) return { redirectTo: { verb, ...args, identifier: oaiIdentifier(context.repository, current) } };
  return { errors: [{ code: 'idDoesNotExist', message: `no record "${identifier.slice(0, 200)}" in this repository` }] };
}

function list(verb: ListVerb, args: Readonly<Record<string, string>>, context: OaiContext): Outcome {
  let request: ListRequest;
  let after: readonly [string, string] | null = null;
  if (args.resumptionToken !== undefined) {
    const state = decodeToken(args.resumptionToken, verb);
    if (!state) return { errors: [badToken()] };
    ({ after, ...request } = state);
  } else {
    request = {
      verb,
      metadataPrefix: args.metadataPrefix ?? '',
      set: args.set ?? null,
      from: args.from === undefined ? null : parseDateBound(args.from, 'from')?.value ?? null,
      until: args.until === undefined ? null : parseDateBound(args.until, 'until')?.value ?? null,
    };
  }
  if (request.metadataPrefix !== OAI_DC.prefix) return { errors: [cannotDisseminate(request.metadataPrefix)] };
  const matching = oaiRecords(context.snapshot).filter(
    (r) => (request.set === null || inSet(r, request.set)) && (request.from === null || r.datestamp >= request.from) && (request.until === null || r.datestamp <= request.until),
  );
  const start = after === null ? 0 : firstAfter(matching, after);
  const page = matching.slice(start, start + context.pageSize);
  const last = page[page.length - 1];
  if (!last) return { errors: [{ code: 'noRecordsMatch', message: 'no record matches these arguments' }] };
  const more = start + page.length < matching.length;
  const position = { '@completeListSize': String(matching.length), '@cursor': String(start) };
  // The last answer of a resumed list carries an empty token (§3.5); a list given whole carries none.
  const resumptionToken = more
    ? { ...position, '#text': encodeToken({ ...request, after: [last.datestamp, last.id] }) }
    : after !== null ? position : undefined;
  const items = verb === 'ListRecords' ? { record: page.map((r) => recordNode(r, context)) } : { header: page.map((r) => headerNode(r, context)) };
  return { verb, body: { ...items, resumptionToken } };
}

/** The index of the first record after the cursor (records are in harvest order). */
function firstAfter(records: readonly OaiRecord[], after: readonly [string, string]): number {
  const cursor = { datestamp: after[0], id: after[1] };
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareRecords(records[middle] as OaiRecord, cursor) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function headerNode(record: OaiRecord, context: OaiContext): XmlNode {
  return {
    '@status': record.manifest ? undefined : 'deleted',
    identifier: oaiIdentifier(context.repository, record.id),
    datestamp: record.datestamp,
    setSpec: record.sets.length > 0 ? [...record.sets] : undefined,
  };
}

/** A deleted record is its header alone (§2.5.1). */
function recordNode(record: OaiRecord, context: OaiContext): XmlNode {
  return { header: headerNode(record, context), metadata: record.manifest ? oaiDc(record.manifest, context.origin) : undefined };
}

function cannotDisseminate(prefix: string | undefined): OaiError {
  return { code: 'cannotDisseminateFormat', message: `"${(prefix ?? '').slice(0, 40)}" is not a format of this repository; it offers ${OAI_DC.prefix}` };
}

function badToken(): OaiError {
  return { code: 'badResumptionToken', message: 'this resumption token was not handed out by this repository for this verb' };
}
