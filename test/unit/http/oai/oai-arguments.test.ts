import { describe, expect, it } from 'vitest';
import { readArguments } from '../../../../src/http/oai/oai-arguments.js';

const read = (query: string) => readArguments(new URLSearchParams(query));
const codes = (query: string): string[] => {
  const result = read(query);
  return result.ok ? [] : result.errors.map((e) => e.code);
};

describe('readArguments', () => {
  it('accepts each verb with its arguments', () => {
    expect(read('verb=Identify')).toEqual({ ok: true, verb: 'Identify', args: {} });
    expect(read('verb=ListRecords&metadataPrefix=oai_dc&set=kind:talk&from=2025-01-01&until=2025-12-31')).toEqual({
      ok: true, verb: 'ListRecords', args: { metadataPrefix: 'oai_dc', set: 'kind:talk', from: '2025-01-01', until: '2025-12-31' },
    });
    expect(read('verb=ListIdentifiers&resumptionToken=abc')).toMatchObject({ ok: true, args: { resumptionToken: 'abc' } });
    expect(read('verb=ListSets&resumptionToken=abc')).toMatchObject({ ok: true });
    expect(read('verb=ListMetadataFormats&identifier=oai:x.org:a')).toMatchObject({ ok: true });
    expect(read('verb=GetRecord&identifier=oai:x.org:a&metadataPrefix=oai_dc')).toMatchObject({ ok: true });
  });

  it('a missing, unknown or repeated verb is badVerb alone', () => {
    expect(codes('')).toEqual(['badVerb']);
    expect(codes('verb=identify&foo=1')).toEqual(['badVerb']);
    expect(codes('verb=Identify&verb=ListSets')).toEqual(['badVerb']);
  });

  it('lists every bad argument', () => {
    expect(codes('verb=GetRecord&foo=1&identifier=a&identifier=b')).toEqual(['badArgument', 'badArgument', 'badArgument']);
    const result = read('verb=GetRecord&foo=1&identifier=a&identifier=b');
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'GetRecord takes no argument "foo"', '"identifier" is repeated', 'GetRecord needs "metadataPrefix"',
    ]);
  });

  it('keeps a resumptionToken exclusive and only for lists', () => {
    expect(codes('verb=ListRecords&resumptionToken=a&metadataPrefix=oai_dc')).toEqual(['badArgument']);
    expect(codes('verb=GetRecord&resumptionToken=a')).toEqual(['badArgument', 'badArgument', 'badArgument']);
    expect(codes('verb=Identify&resumptionToken=a')).toEqual(['badArgument']);
  });

  it('refuses empty values', () => {
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&set=')).toEqual(['badArgument']);
  });

  it('refuses a metadataPrefix or a set not written as the protocol writes them', () => {
    expect(codes('verb=ListRecords&metadataPrefix=oai dc')).toEqual(['badArgument']);
    expect(codes('verb=GetRecord&metadataPrefix=a:b&identifier=x')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&set=edition:')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&set=edition::2025')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=marc21&set=edition:2025-strasbourg')).toEqual([]);
  });

  it('checks from and until: real dates, one granularity, in order', () => {
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-29')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2025-01-01T00:00:00Z')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-02&until=2025-01-01')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2025-01-01')).toEqual([]);
  });
});
