import { OAI_VERBS } from './oai/oai-arguments.js';
import { OAI_GRANULARITY } from './oai/oai-datestamp.js';
import { oneOfValues, query, str, text, type Operation } from './openapi-parts.js';

/** OAI-PMH 2.0, spread into the document's paths by openapi.ts. */
export const OAI_PATHS: Record<string, { get: Operation }> = {
  '/oai': { get: {
    operationId: 'oaiPmh', tags: ['record'], summary: 'OAI-PMH 2.0: every item’s record in simple Dublin Core (oai_dc), for libraries and aggregators',
    description:
      'The six verbs of https://www.openarchives.org/OAI/openarchivesprotocol.html, by GET or by POST (application/x-www-form-urlencoded). ' +
      'Identifiers are oai:<host>:<id>; sets are edition:<slug> and kind:<kind> (under the parents edition and kind). Datestamps are the ' +
      `manifests’ updates, ${OAI_GRANULARITY} (a day is accepted in from and until). Removed items stay as deleted records (deletedRecord: persistent), ` +
      'and so do the earlier ids of renamed items; GetRecord or ListMetadataFormats on an earlier id answer 301 to the same request about the current id. ' +
      'Long lists continue with a resumptionToken (completeListSize and cursor given) that does not expire. Protocol errors (badVerb, badArgument, ' +
      'cannotDisseminateFormat, idDoesNotExist, noRecordsMatch, badResumptionToken) are answered 200 with their <error> elements, as the protocol says.',
    parameters: [
      query('verb', 'The request', oneOfValues(OAI_VERBS), true),
      query('metadataPrefix', 'Only oai_dc is offered (ListIdentifiers, ListRecords, GetRecord)', oneOfValues(['oai_dc'])),
      query('identifier', 'oai:<host>:<id> (GetRecord, ListMetadataFormats)', str()),
      query('set', 'edition, edition:<slug>, kind or kind:<kind> (ListIdentifiers, ListRecords)', str()),
      query('from', 'Earliest datestamp, inclusive: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ', str()),
      query('until', 'Latest datestamp, inclusive, of the same granularity as from', str()),
      query('resumptionToken', 'The rest of a list (exclusive: no other argument but verb)', str()),
    ],
    responses: {
      200: text('text/xml', 'An OAI-PMH document (http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd): the answer or its <error> elements'),
      301: { description: 'The identifier is an earlier id of a renamed item: the same request about its current id' },
    },
  } },
};
