/**
 * The sample corpus: one edition of eight items (three slide talks, a round table, two
 * podcasts, a phone-filmed pitch and a magazine) plus programme.csv, generated offline from
 * the texts in this folder with espeak-ng, sharp, ffmpeg and pdf-lib. Same inputs, same bytes.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedItem, ItemContext } from './item-context.js';
import { makeMagazine } from './magazine.js';
import { makePhoneVideo } from './phone-video.js';
import { makePodcast } from './podcast.js';
import { programmeCsv } from './programme.js';
import { makeRoundTable } from './round-table.js';
import { runPool, runTool } from './run-tool.js';
import { makeSlideTalk } from './talk.js';
import {
  ACCESSIBILITY_TALK, EDITION, MAGAZINE, MEDIATION_TALK, OPEN_DATA_WORKSHOP, PITCH, PODCAST_INTERVIEW,
  PODCAST_SOBRIETY, ROUND_TABLE, TIMELINE_FILE, type SampleTimeline,
} from './texts.js';

export interface SampleOptions {
  out: string;
  short: boolean;
  log?: (line: string) => void;
}

export interface SampleResult {
  /** Absolute path of programme.csv. */
  programme: string;
  /** Absolute paths of the eight main media files, in programme order. */
  items: string[];
}

export const PROGRAMME_FILE = 'programme.csv';
export const STAMP_FILE = '.sample-version';

interface Stamp {
  stamp: string;
  short: boolean;
  items: string[];
  files: string[];
}

/** In programme order; each maker gets its own scratch folder. */
const MAKERS: readonly ((context: ItemContext) => Promise<GeneratedItem>)[] = [
  (context) => makeSlideTalk(MEDIATION_TALK, context),
  (context) => makeSlideTalk(ACCESSIBILITY_TALK, context),
  (context) => makeSlideTalk(OPEN_DATA_WORKSHOP, context),
  (context) => makeRoundTable(ROUND_TABLE, context),
  (context) => makePodcast(PODCAST_SOBRIETY, context),
  (context) => makePodcast(PODCAST_INTERVIEW, context),
  (context) => makePhoneVideo(PITCH, context),
  (context) => makeMagazine(MAGAZINE, context),
];

/**
 * Everything the output depends on: this folder's source (texts and code), the mode and the
 * tool versions. Any change regenerates the corpus; no change makes a second run instant.
 */
async function computeStamp(short: boolean): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`short=${short}\n`);
  const folder = dirname(fileURLToPath(import.meta.url));
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.ts')).sort()) {
    hash.update(`${name}\n`).update(await readFile(join(folder, name)));
  }
  // Item ids in the timeline come from the app's own slug rules.
  hash.update(await readFile(join(folder, '../../src/domain/slug.ts')));
  const ffmpeg = await runTool('ffmpeg', ['-version'], { label: 'ffmpeg -version' });
  const espeak = await runTool('espeak-ng', ['--version'], { label: 'espeak-ng --version' });
  hash.update(ffmpeg.toString('utf8').split('\n')[0] ?? '').update(espeak);
  return hash.digest('hex').slice(0, 32);
}

async function readStamp(out: string): Promise<Stamp | null> {
  try {
    return JSON.parse(await readFile(join(out, STAMP_FILE), 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

async function allExist(out: string, files: readonly string[]): Promise<boolean> {
  try {
    await Promise.all(files.map((file) => access(join(out, file))));
    return true;
  } catch {
    return false;
  }
}

export async function makeSample(options: SampleOptions): Promise<SampleResult> {
  const out = resolve(options.out);
  const log = options.log ?? ((): void => undefined);
  await mkdir(out, { recursive: true });
  const stamp = await computeStamp(options.short);
  const previous = await readStamp(out);
  const result = (items: readonly string[]): SampleResult => ({
    programme: join(out, PROGRAMME_FILE),
    items: items.map((item) => join(out, item)),
  });
  if (previous?.stamp === stamp && (await allExist(out, [PROGRAMME_FILE, ...previous.files]))) {
    log(`${out}: sample corpus up to date (${previous.items.length} items)`);
    return result(previous.items);
  }
  // Only files this generator wrote before are removed: --out may point at a shared folder.
  await rm(join(out, STAMP_FILE), { force: true });
  for (const file of previous?.files ?? []) await rm(join(out, file), { force: true });

  const work = await mkdtemp(join(tmpdir(), 'mediacommuns-sample-'));
  const started = Date.now();
  try {
    const tasks = MAKERS.map((make, index) => async (): Promise<GeneratedItem> => {
      const itemStarted = Date.now();
      const itemWork = join(work, String(index + 1));
      await mkdir(itemWork, { recursive: true });
      const generated = await make({ out, work: itemWork, short: options.short });
      const duration = generated.timeline.duration === null ? `${generated.timeline.pages.length} pages` : `${generated.timeline.duration.toFixed(1)} s`;
      log(`${generated.timeline.media} (${duration}) in ${((Date.now() - itemStarted) / 1000).toFixed(1)} s`);
      return generated;
    });
    const generated = await runPool(tasks, 2);
    const timeline: SampleTimeline = { edition: EDITION, short: options.short, items: generated.map((item) => item.timeline) };
    const items = generated.map((item) => item.timeline.media);
    const files = [...generated.flatMap((item) => item.files), TIMELINE_FILE];
    await writeFile(join(out, PROGRAMME_FILE), programmeCsv(generated.map((item) => item.row)), 'utf8');
    // Times to the millisecond, as in the caption files, so the two compare exactly.
    const toMillis = (_key: string, value: unknown): unknown => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value);
    await writeFile(join(out, TIMELINE_FILE), `${JSON.stringify(timeline, toMillis, 2)}\n`, 'utf8');
    // The stamp goes last: an interrupted run leaves no stamp and is redone next time.
    const record: Stamp = { stamp, short: options.short, items, files };
    await writeFile(join(out, STAMP_FILE), `${JSON.stringify(record, null, 2)}\n`, 'utf8');
    log(`${out}: ${generated.length} items and ${PROGRAMME_FILE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result(items);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
