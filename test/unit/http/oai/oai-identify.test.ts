import { describe, expect, it } from 'vitest';
import { identify, idOfIdentifier, oaiIdentifier } from '../../../../src/http/oai/oai-identify.js';
import { snapshotOf } from '../../../support/snapshot.js';
import { manifestOf } from '../../../support/manifest-factory.js';

const repository = { baseUrl: 'https://archives.example.org/oai', host: 'archives.example.org', adminEmail: 'archives@example.org' };
const NOW = new Date('2026-12-07T01:02:03.456Z');

describe('OAI identifiers', () => {
  it('are oai:<host>:<id>, and read back only for this host', () => {
    expect(oaiIdentifier(repository, '2025-strasbourg-a')).toBe('oai:archives.example.org:2025-strasbourg-a');
    expect(idOfIdentifier(repository, 'oai:archives.example.org:2025-strasbourg-a')).toBe('2025-strasbourg-a');
    expect(idOfIdentifier(repository, 'oai:other.org:2025-strasbourg-a')).toBeNull();
    expect(idOfIdentifier(repository, 'oai:archives.example.org:')).toBeNull();
    expect(idOfIdentifier(repository, '2025-strasbourg-a')).toBeNull();
  });
});

describe('identify', () => {
  it('describes the repository, its earliest datestamp and its identifiers', () => {
    const snapshot = snapshotOf([manifestOf({ id: 'a' })]);
    expect(identify(snapshot, repository, NOW)).toEqual({
      repositoryName: 'Médiacommuns — les archives ouvertes de Numérique en Commun[s]',
      baseURL: 'https://archives.example.org/oai',
      protocolVersion: '2.0',
      adminEmail: 'archives@example.org',
      earliestDatestamp: '2025-11-01T00:00:00Z',
      deletedRecord: 'persistent',
      granularity: 'YYYY-MM-DDThh:mm:ssZ',
      description: {
        'oai-identifier': {
          '@xmlns': 'http://www.openarchives.org/OAI/2.0/oai-identifier',
          '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          '@xsi:schemaLocation': 'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd',
          scheme: 'oai', repositoryIdentifier: 'archives.example.org', delimiter: ':', sampleIdentifier: 'oai:archives.example.org:a',
        },
      },
    });
  });

  it('has no oai-identifier description on a host that is no domain name; an empty archive starts now', () => {
    const answer = identify(snapshotOf([]), { ...repository, host: '127.0.0.1' }, NOW);
    expect(answer.description).toBeUndefined();
    expect(answer.earliestDatestamp).toBe('2026-12-07T01:02:03Z');
  });
});
