import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { oaiDocument } from '../../../../src/http/oai/oai-response.js';

const NOW = new Date('2026-12-07T01:02:03.456Z');
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as Record<string, any>;

describe('oaiDocument', () => {
  it('wraps an answer with the date and the request echoed, escaping what was asked', () => {
    const xml = oaiDocument({ now: NOW, baseUrl: 'https://a.example.org/oai', request: { verb: 'GetRecord', identifier: 'x"<&' }, answer: { verb: 'GetRecord', body: { record: { header: { identifier: 'x' } } } } });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"')).toBe(true);
    const root = parse(xml)['OAI-PMH'];
    expect(root['@xsi:schemaLocation']).toBe('http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd');
    expect(root.responseDate).toBe('2026-12-07T01:02:03Z');
    expect(root.request).toEqual({ '@verb': 'GetRecord', '@identifier': 'x"<&', '#text': 'https://a.example.org/oai' });
    expect(Object.keys(root)).toEqual(['responseDate', 'request', 'GetRecord', '@xmlns', '@xmlns:xsi', '@xsi:schemaLocation']);
  });

  it('lists errors after a bare request', () => {
    const xml = oaiDocument({ now: NOW, baseUrl: 'https://a.example.org/oai', request: null, answer: { errors: [{ code: 'badArgument', message: 'a' }, { code: 'badArgument', message: 'b' }] } });
    const root = parse(xml)['OAI-PMH'];
    expect(root.request).toBe('https://a.example.org/oai');
    expect(root.error).toEqual([{ '@code': 'badArgument', '#text': 'a' }, { '@code': 'badArgument', '#text': 'b' }]);
  });
});
