import { CONFERENCE_NAME, editionEventName } from '../../domain/conference.js';
import type { ItemKind } from '../../domain/item.js';
import { LICENCES } from '../../domain/licence.js';
import type { ManifestFields } from '../../domain/manifest.js';
import { DEFAULT_LOCALE } from '../locale.js';
import { urlFor } from '../urls.js';
import { invertedName, splitPersonName } from '../view-models/person-name.js';
import { itemPageUrl, publishedDate } from '../view-models/public-item.js';
import type { XmlNode } from '../xml.js';

/**
 * Simple Dublin Core (`oai_dc`, the format every OAI-PMH repository must offer) of one item:
 * what a library catalogue or an aggregator takes from it. The words are the programme's (in
 * the item's language); links are the French pages, the archive's canonical ones.
 */
export const OAI_DC = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
} as const;

const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** The DCMI Type Vocabulary term of each kind (https://www.dublincore.org/specifications/dublin-core/dcmi-terms/#section-7). */
const DCMI_TYPE: Record<ItemKind, string> = {
  talk: 'MovingImage', workshop: 'MovingImage', 'round-table': 'MovingImage', pitch: 'MovingImage', podcast: 'Sound', document: 'Text',
};

/** Downloads that are the item itself in another encoding (not its captions or text). */
const MEDIA_FORMATS = new Set(['mp4', 'm4a', 'mp3', 'opus', 'pdf']);

export function oaiDc(manifest: ManifestFields, origin: string): XmlNode {
  const list = (values: string[]): string[] | undefined => (values.length > 0 ? values : undefined);
  return {
    'oai_dc:dc': {
      '@xmlns:oai_dc': OAI_DC.namespace,
      '@xmlns:dc': DC_NAMESPACE,
      '@xmlns:xsi': XSI_NAMESPACE,
      '@xsi:schemaLocation': `${OAI_DC.namespace} ${OAI_DC.schema}`,
      'dc:title': manifest.title,
      // "Family, Given", as catalogues file people (and as the pages' DC.creator tags write them).
      'dc:creator': list(manifest.speakers.map((s) => invertedName(splitPersonName(s.name)))),
      'dc:subject': list(manifest.themes),
      'dc:description': list(manifest.summary.trim() ? [manifest.summary.trim()] : []),
      'dc:publisher': CONFERENCE_NAME,
      'dc:date': publishedDate(manifest),
      'dc:type': DCMI_TYPE[manifest.kind],
      'dc:format': list(formatsOf(manifest)),
      'dc:identifier': itemPageUrl(manifest, origin, DEFAULT_LOCALE),
      'dc:language': manifest.language,
      // The edition: the event in words, and its page.
      'dc:relation': [editionEventName(manifest.edition.label), `${origin}${urlFor('edition', DEFAULT_LOCALE, { slug: manifest.edition.slug })}`],
      'dc:rights': LICENCES[manifest.licence].url,
    },
  };
}

/** The media types the item can be had in (MIME, without parameters), else its source's. */
function formatsOf(manifest: ManifestFields): string[] {
  const types = manifest.downloads.filter((d) => MEDIA_FORMATS.has(d.format)).map((d) => mediaType(d.contentType));
  const found = [...new Set(types)];
  return found.length > 0 ? found : [mediaType(manifest.source.contentType)];
}

const mediaType = (contentType: string): string => contentType.split(';')[0]?.trim() ?? contentType;
