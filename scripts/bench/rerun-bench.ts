import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { table } from '../../src/cli/format.js';
import { ensureTinyWhisperModel } from '../make-tiny-whisper-model.js';
import { buildCli } from './scale-bench.js';
import { spawnMeasured, type Measured } from './spawn-measured.js';

/**
 * Table 1c: what a change that touches one step costs on an ingested edition. The sample
 * edition is ingested without speech-to-text, then again with a model configured: only the
 * recordings without captions run speech-to-text, every other output is carried over. Side by
 * side in one run: the first ingest is the baseline (what a re-run of everything would cost,
 * speech-to-text aside).
 */
export async function runRerunBench(options: { programme: string }): Promise<void> {
  const cli = buildCli();
  const model = process.env.TRANSCRIBER_MODEL ?? await ensureTinyWhisperModel(path.resolve('test/.fixtures/whisper'));
  const root = await mkdtemp(path.join(tmpdir(), 'mc-rerun-bench-'));
  try {
    const env = { ...process.env, DATA_DIR: path.join(root, 'data'), TRANSCRIBER: 'none', NO_COLOR: '1' };
    const ingest = ['ingest', '--plain', options.programme];
    const first = await spawnMeasured(process.execPath, cli.args('mc-bench-first-ingest', ingest), env);
    const applied = await spawnMeasured(process.execPath, cli.args('mc-bench-model', ingest), { ...env, TRANSCRIBER: 'whisper', TRANSCRIBER_MODEL: model });
    const ffmpeg = (run: Measured): number => run.sample.cpuSecondsByCommand.get('ffmpeg') ?? 0;
    const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
    const row = (how: string, run: Measured): string[] => [
      how, `${run.wallSeconds.toFixed(1)} s`, ratio(run.wallSeconds, first.wallSeconds), `${run.sample.cpuSeconds.toFixed(1)} s`, `${ffmpeg(run).toFixed(1)} s`, ratio(ffmpeg(run), ffmpeg(first)),
    ];
    console.log(table(['run', 'wall', 'vs first ingest', 'CPU (all processes)', 'ffmpeg CPU', 'ffmpeg vs first'], [
      row('first ingest, no speech-to-text model (baseline)', first),
      row(`the same edition again, a model configured (${path.basename(model)})`, applied),
    ]));
    console.log(`\n${cli.how}. CPU sampled from /proc every 100 ms (a floor). With the model, ffmpeg still decodes each recording's sound for speech-to-text; transcodes, posters, storyboards, chapters and slide text are carried over from the published revision.`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
