import type { CatalogueSnapshot } from '../../services/catalogue/catalogue.js';
import { translate } from '../i18n/messages.js';
import { DEFAULT_LOCALE } from '../locale.js';
import type { XmlNode } from '../xml.js';
import { XSI_NAMESPACE } from './oai-dc.js';
import { OAI_GRANULARITY, oaiDatestamp } from './oai-datestamp.js';
import { oaiRecords } from './oai-records.js';

/** The repository's identity, and how its OAI identifiers are made: `oai:<host of the public URL>:<item id>`. */
export interface OaiRepository {
  baseUrl: string;
  /** The host the identifiers are named under (the public URL's, without port). */
  host: string;
  adminEmail: string;
}

export function oaiIdentifier(repository: Pick<OaiRepository, 'host'>, id: string): string {
  return `oai:${repository.host}:${id}`;
}

/** The item id an OAI identifier names, or null when it is not one of this repository's. */
export function idOfIdentifier(repository: Pick<OaiRepository, 'host'>, identifier: string): string | null {
  const prefix = `oai:${repository.host}:`;
  return identifier.startsWith(prefix) && identifier.length > prefix.length ? identifier.slice(prefix.length) : null;
}

/** The oai-identifier scheme's description names a domain (a letter first, dots between): an IP or `localhost` cannot be one. */
const DOMAIN_NAME = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;
const OAI_IDENTIFIER_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/oai-identifier';

/** Identify (§4.2): deleted records are kept for good (tombstones), datestamps to the second. */
export function identify(snapshot: CatalogueSnapshot, repository: OaiRepository, now: Date): XmlNode {
  const earliest = oaiRecords(snapshot)[0]?.datestamp ?? oaiDatestamp(now);
  const sample = snapshot.items[0]?.id ?? '2025-strasbourg-mediation-numerique';
  return {
    repositoryName: translate(DEFAULT_LOCALE, 'oai.repositoryName'),
    baseURL: repository.baseUrl,
    protocolVersion: '2.0',
    adminEmail: repository.adminEmail,
    earliestDatestamp: earliest,
    deletedRecord: 'persistent',
    granularity: OAI_GRANULARITY,
    description: DOMAIN_NAME.test(repository.host)
      ? {
          'oai-identifier': {
            '@xmlns': OAI_IDENTIFIER_NAMESPACE,
            '@xmlns:xsi': XSI_NAMESPACE,
            '@xsi:schemaLocation': `${OAI_IDENTIFIER_NAMESPACE} ${OAI_IDENTIFIER_NAMESPACE}.xsd`,
            scheme: 'oai',
            repositoryIdentifier: repository.host,
            delimiter: ':',
            sampleIdentifier: oaiIdentifier(repository, sample),
          },
        }
      : undefined,
  };
}
