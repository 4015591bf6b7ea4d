import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAGAZINE, readSampleTimeline, type SampleTimeline } from '../../scripts/sample/texts.js';
import { openMeilisearch, type OpenedSearch } from '../../src/adapters/search-index/open-meilisearch.js';
import { parseManifest } from '../../src/domain/manifest.js';
import { transcriptFileSchema } from '../../src/domain/text.js';
import { DEFAULT_LOCALE } from '../../src/http/locale.js';
import { withUrls, type LinkedSearchResult } from '../../src/http/view-models/api-search.js';
import { SearchService } from '../../src/services/search/search-service.js';
import { SHORT_SAMPLE_DIR } from '../global-setup.js';
import { runCli, type CliRun } from '../support/cli.js';

/**
 * The short sample edition, ingested by the real CLI (which indexes as it goes), then searched by
 * what is said in it. The searches are `search --json`'s own (the service's answer with the
 * site's links), run here on the archive's own Meilisearch as the ingest left it; the command's
 * wiring and output are search-cli.test.ts's subject.
 */
describe('the sample edition is searchable by its spoken and written words', () => {
  let dataDir: string;
  let ingest: CliRun;
  let timeline: SampleTimeline;
  let opened: OpenedSearch | undefined;
  const search = async (...words: string[]): Promise<LinkedSearchResult> => {
    opened ??= await openMeilisearch({ dataDir, external: null });
    return withUrls(await new SearchService(opened.index).search({ q: words.join(' '), filters: [], sort: null, page: null }), DEFAULT_LOCALE);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mc-search-sample-'));
    timeline = await readSampleTimeline(SHORT_SAMPLE_DIR);
    ingest = await runCli(['ingest', '--plain', path.join(SHORT_SAMPLE_DIR, 'programme.csv')], { DATA_DIR: dataDir });
  }, 600_000);

  afterAll(async () => {
    await opened?.index.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('indexes every item as it is ingested', async () => {
    expect(ingest.code).toBe(0);
    expect(ingest.stderr).not.toMatch(/search/);
    const all = await search();
    expect(all.total).toBe(timeline.items.length);
  });

  it('finds a sentence of a talk at the second it is spoken, with a link that opens the player there', async () => {
    const talk = timeline.items.find((i) => i.kind === 'talk' && i.sentences.some((s) => /guichet/.test(s.text)));
    const sentence = talk?.sentences.find((s) => /guichet/.test(s.text));
    expect(sentence).toBeDefined();
    const result = await search('guichet');
    const item = result.items.find((i) => i.id === talk?.id);
    const passage = item?.passages.find((p) => p.source === 'captions-reviewed');
    expect(passage?.snippet.some((part) => part.match && /guichet/i.test(part.text))).toBe(true);
    // The passage spans the sentence, and the link's second is where the word is said in the
    // stored transcript: the start of the passage's first cue holding it.
    expect(passage?.passageStart).toBeLessThanOrEqual((sentence?.start ?? 0) + 0.5);
    expect(passage?.passageEnd).toBeGreaterThanOrEqual((sentence?.end ?? Infinity) - 0.5);
    const manifest = parseManifest(readFileSync(path.join(dataDir, 'items', talk?.id ?? '', 'manifest.json'), 'utf8'));
    const transcript = transcriptFileSchema.parse(JSON.parse(readFileSync(path.join(dataDir, manifest.text.transcripts.find((t) => t.language === 'fr')?.json ?? ''), 'utf8')));
    const inPassage = transcript.cues.filter((c) => c.start >= (passage?.passageStart ?? Infinity) && c.start < (passage?.passageEnd ?? -Infinity));
    const cue = inPassage.find((c) => /guichet/i.test(c.text));
    expect(cue).toBeDefined();
    expect(passage).toMatchObject({ start: cue?.start, end: cue?.end });
    expect(passage?.url).toBe(`/talks/${talk?.id}?t=${Math.floor(cue?.start ?? -1)}`);
  });

  it('finds a page of the magazine with a link to that page', async () => {
    const result = await search('aidants', 'première', 'ligne');
    const magazine = result.items.find((i) => i.kind === 'document');
    expect(magazine?.title).toBe(MAGAZINE.title);
    expect(magazine?.passages[0]).toMatchObject({ source: 'pdf', page: 2, start: null, url: `/documents/${magazine?.id}?page=2` });
  });

  it('finds items without accents, with a typo, and by synonym', async () => {
    const talkId = timeline.items.find((i) => i.kind === 'talk')?.id;
    expect((await search('mediation', 'numerique', 'IA')).items[0]?.id).toBe(talkId);
    expect((await search('mediatoin')).items.map((i) => i.id)).toContain(talkId);
    expect((await search('NEC')).items.some((i) => i.kind === 'document')).toBe(true);
  });
});
