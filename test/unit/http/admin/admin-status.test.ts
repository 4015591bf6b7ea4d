import { describe, expect, it } from 'vitest';
import { archiveStatusModel, formatTime, operatorLogModel } from '../../../../src/http/admin/admin-status.js';
import type { AuditStatus, LastIngest } from '../../../../src/services/archive/archive-status.js';
import { manifestOf } from '../../../support/manifest-factory.js';

const talk = manifestOf({ id: 'talk-a', kind: 'talk', title: 'Sans transcription' });
const captioned = manifestOf({ id: 'talk-b', kind: 'talk', accessibility: { transcript: 'reviewed' } });
const podcast = manifestOf({ id: 'podcast-a', kind: 'podcast', accessibility: { transcript: 'automatic' } });
const magazine = manifestOf({ id: 'doc-a', kind: 'document' });
const neverAudited: AuditStatus = { last: null, unfinished: null };

const lastIngest: LastIngest = {
  at: '2026-12-01T09:30:00.000Z', source: 'programme.csv', wallSeconds: 30,
  outcomes: [
    { id: 'talk-a', title: 'a', status: 'ingested', duration: 10, wallSeconds: 3, warnings: ['captions: 2 empty cues'] },
    { id: 'talk-c', title: 'c', status: 'failed', duration: null, wallSeconds: 1, file: 'c.mp4', error: 'not a media file', warnings: [] },
  ],
  problems: [
    { row: 4, itemId: 'talk-d', field: 'date', message: 'not a date', severity: 'error' },
    { row: 5, itemId: null, field: 'notes', message: 'column ignored', severity: 'warning' },
  ],
};

describe('the console’s archive status', () => {
  it('counts the items by kind, and lists the recordings without a transcript with their pages', () => {
    const model = archiveStatusModel('fr', { manifests: [talk, captioned, podcast, magazine], unreadable: [], unfinished: [], lastIngest: null, audit: neverAudited });
    expect(model.items.total).toBe(4);
    expect(model.items.byKind).toEqual([{ label: 'Conférence', count: 2 }, { label: 'Podcast', count: 1 }, { label: 'Document', count: 1 }]);
    expect(model.untranscribed).toEqual([{ id: 'talk-a', title: 'Sans transcription', href: '/talks/talk-a' }]);
    expect(model.alerts).toEqual(['Les archives n’ont jamais été contrôlées («\u00a0mediacommuns verify\u00a0»).', '1 enregistrement sans transcription.']);
    expect(model.lastIngest).toEqual({ known: true, ran: false });
  });

  it('says what the last ingest did: failures, programme problems and warnings', () => {
    const model = archiveStatusModel('en', { manifests: [captioned], unreadable: ['items/x/manifest.json: bad'], unfinished: [{ id: 'talk-e', version: 'abc', steps: [] }], lastIngest, audit: neverAudited });
    expect(model.alerts).toEqual([
      '1 item record cannot be read (see the server’s log).',
      '1 item failed in the last ingest.',
      'The archive has never been audited (“mediacommuns verify”).',
      '1 item being ingested or stopped half-way.',
    ]);
    expect(model.lastIngest).toMatchObject({
      known: true, ran: true, atIso: '2026-12-01T09:30:00.000Z', items: 2, failed: 1, problems: 1, warningsCount: 2,
      failures: ['talk-c c.mp4: not a media file'], warnings: ['#5 notes: column ignored', 'talk-a: captions: 2 empty cues'],
    });
  });

  it('says when this server has no ingest report (an archive on S3)', () => {
    expect(archiveStatusModel('fr', { manifests: [], unreadable: [], unfinished: [], lastIngest: undefined, audit: neverAudited }).lastIngest).toEqual({ known: false });
  });

  it('gives the last audit’s result and alerts on its problems', () => {
    const counts = { items: 3, listed: 40, checked: 40, ok: 37, damaged: 1, missing: 2, unreadable: 0, bytes: 1e6, seconds: 2 };
    const audit: AuditStatus = { last: { key: 'audit/20261201T100000Z.json', finishedAt: '2026-12-01T10:00:00Z', result: 'problems', store: 'fs', item: null, sample: null, counts }, unfinished: null };
    const model = archiveStatusModel('fr', { manifests: [], unreadable: [], unfinished: [], lastIngest: null, audit });
    expect(model.alerts).toEqual(['Le dernier contrôle d’intégrité a trouvé 3 problèmes.']);
    expect(model.audit).toMatchObject({ ran: true, clean: false, checked: 40, damaged: 1, missing: 2, report: 'audit/20261201T100000Z.json' });
  });
});

describe('times and the operator log', () => {
  it('writes times in the page’s language, in UTC, and says so', () => {
    expect(formatTime('en', '2026-12-07T04:05:00.000Z')).toBe('7 Dec 2026, 04:05 UTC');
    expect(formatTime('fr', '2026-12-07T04:05:00.000Z')).toBe('7 déc. 2026, 04:05 UTC');
    expect(formatTime('fr', 'pas une date')).toBe('pas une date');
  });

  it('keeps each action’s time as written for <time datetime> and its detail as one line', () => {
    const rows = operatorLogModel('en', [{ at: '2026-12-07T04:05:00.000Z', operator: 'camille', action: 'glossary.add', target: null, detail: { find: 'Mednum' } }]);
    expect(rows).toEqual([{ at: '7 Dec 2026, 04:05 UTC', atIso: '2026-12-07T04:05:00.000Z', operator: 'camille', action: 'glossary.add', target: null, detail: '{"find":"Mednum"}' }]);
  });
});
