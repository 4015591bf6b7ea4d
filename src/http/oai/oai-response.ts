import { xmlDocument, type XmlNode } from '../xml.js';
import type { OaiError } from './oai-arguments.js';
import { XSI_NAMESPACE } from './oai-dc.js';
import { oaiDatestamp } from './oai-datestamp.js';

export const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';

/**
 * One OAI-PMH answer (§3.2): the response date, the request echoed, then the verb's element or
 * the errors. `request` is null after a bad verb or argument: the protocol then wants the base
 * URL alone, without echoing what could not be understood.
 */
export function oaiDocument(options: {
  now: Date;
  baseUrl: string;
  request: Readonly<Record<string, string>> | null;
  answer: { verb: string; body: XmlNode } | { errors: readonly OaiError[] };
}): string {
  const attributes = Object.fromEntries(Object.entries(options.request ?? {}).map(([name, value]) => [`@${name}`, value]));
  const answer = 'errors' in options.answer
    ? { error: options.answer.errors.map((e) => ({ '@code': e.code, '#text': e.message })) }
    : { [options.answer.verb]: options.answer.body };
  return xmlDocument({
    'OAI-PMH': {
      '@xmlns': OAI_NAMESPACE,
      '@xmlns:xsi': XSI_NAMESPACE,
      '@xsi:schemaLocation': `${OAI_NAMESPACE} ${OAI_SCHEMA}`,
      responseDate: oaiDatestamp(options.now),
      request: { ...attributes, '#text': options.baseUrl },
      ...answer,
    },
  });
}
