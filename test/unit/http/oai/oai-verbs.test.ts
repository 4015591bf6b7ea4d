import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Tombstone } from '../../../../src/domain/tombstone.js';
import { answerOai, type OaiContext } from '../../../../src/http/oai/oai-verbs.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { manifestOf } from '../../../support/manifest-factory.js';

const at = (id: string, updatedAt: string) => {
  const m = manifestOf({ id, title: `Titre ${id}` });
  return { ...m, pipeline: { ...m.pipeline, updatedAt } };
};
const GONE: Tombstone = { version: 1, id: 'gone', purged: true, title: null, kind: null, edition: null, archivedAt: null, removedAt: '2026-01-01T00:00:00Z', reason: null, replacedBy: null };
const context = (pageSize = 2): OaiContext => ({
  snapshot: snapshotOf(
    [at('a', '2025-01-01T00:00:00Z'), at('b', '2025-02-01T00:00:00Z'), { ...at('c', '2025-03-01T00:00:00Z'), aliases: ['c-before'] }, at('d', '2025-04-01T00:00:00Z')],
    [],
    [GONE],
  ),
  repository: { baseUrl: 'https://x.example.org/oai', host: 'x.example.org', adminEmail: 'a@example.org' },
  origin: 'https://x.example.org',
  pageSize,
  now: new Date('2026-12-07T00:00:00Z'),
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['header', 'record', 'error', 'setSpec'].includes(name) });
function ask(query: string, ctx = context()): any {
  const answer = answerOai(new URLSearchParams(query), ctx);
  if (!('xml' in answer)) throw new Error(`a redirect: ${JSON.stringify(answer)}`);
  return parser.parse(answer.xml)['OAI-PMH'];
}
const ids = (list: any): string[] => (list.header ?? list.record.map((r: any) => r.header[0])).map((h: any) => h.identifier);

describe('answerOai', () => {
  it('pages a list with tokens until the empty last one, every record once', () => {
    const seen: string[] = [];
    let body = ask('verb=ListIdentifiers&metadataPrefix=oai_dc').ListIdentifiers;
    const cursors: string[] = [];
    for (;;) {
      seen.push(...ids(body));
      cursors.push(`${body.resumptionToken['@cursor']}/${body.resumptionToken['@completeListSize']}`);
      const token = body.resumptionToken['#text'];
      if (!token) break;
      body = ask(`verb=ListIdentifiers&resumptionToken=${token}`).ListIdentifiers;
    }
    expect(seen).toEqual(['oai:x.example.org:a', 'oai:x.example.org:b', 'oai:x.example.org:c', 'oai:x.example.org:c-before', 'oai:x.example.org:d', 'oai:x.example.org:gone']);
    expect(cursors).toEqual(['0/6', '2/6', '4/6']);
  });

  it('gives a list that fits in one answer without a token', () => {
    const body = ask('verb=ListRecords&metadataPrefix=oai_dc', context(100)).ListRecords;
    expect(body.record).toHaveLength(6);
    expect(body.resumptionToken).toBeUndefined();
  });

  it('writes deleted records as headers with status="deleted" and no metadata', () => {
    const body = ask('verb=ListRecords&metadataPrefix=oai_dc&from=2025-03-01&until=2026-12-31', context(100)).ListRecords;
    const records = body.record.map((r: any) => [r.header[0].identifier, r.header[0]['@status'] ?? 'live', r.metadata === undefined]);
    expect(records).toEqual([
      ['oai:x.example.org:c', 'live', false],
      ['oai:x.example.org:c-before', 'deleted', true],
      ['oai:x.example.org:d', 'live', false],
      ['oai:x.example.org:gone', 'deleted', true],
    ]);
  });

  it('redirects an earlier id to the same request about the current one', () => {
    expect(answerOai(new URLSearchParams('verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:x.example.org:c-before'), context())).toEqual({
      redirectTo: { verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: 'oai:x.example.org:c' },
    });
  });

  it('reports a bad format and an unknown id together', () => {
    const root = ask('verb=GetRecord&metadataPrefix=mods&identifier=oai:x.example.org:none');
    expect(root.error.map((e: any) => e['@code'])).toEqual(['cannotDisseminateFormat', 'idDoesNotExist']);
    expect(root.request['@verb']).toBe('GetRecord');
  });

  it('answers a deleted record by identifier', () => {
    const root = ask('verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:x.example.org:gone');
    expect(root.GetRecord.record[0].header[0]).toEqual({ '@status': 'deleted', identifier: 'oai:x.example.org:gone', datestamp: '2026-01-01T00:00:00Z' });
  });

  it('lists the one format, for the repository or one record', () => {
    const format = { metadataPrefix: 'oai_dc', schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', metadataNamespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/' };
    expect(ask('verb=ListMetadataFormats').ListMetadataFormats.metadataFormat).toEqual(format);
    expect(ask('verb=ListMetadataFormats&identifier=oai:x.example.org:a').ListMetadataFormats.metadataFormat).toEqual(format);
  });

  it('answers noRecordsMatch when a token’s records are all gone and nothing follows', () => {
    const last = ask('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-02-01', context(1)).ListIdentifiers.resumptionToken['#text'];
    const emptied = { ...context(1), snapshot: snapshotOf([at('a', '2025-01-01T00:00:00Z')]) };
    expect(ask(`verb=ListIdentifiers&resumptionToken=${last}`, emptied).error.map((e: any) => e['@code'])).toEqual(['noRecordsMatch']);
  });
});
