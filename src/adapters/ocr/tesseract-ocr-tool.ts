import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { ToolError } from '../../domain/errors.js';
import { primaryLanguage } from '../../domain/text.js';
import type { OcrLine, OcrOptions, OcrReading, OcrTool } from '../../ports/ocr-tool.js';

const run = promisify(execFile);

/**
 * Tesseract's model names for the ISO 639-1 languages an archive of French public events meets
 * (Debian ships each as `tesseract-ocr-<model>`). A language not listed is read with FALLBACK.
 */
const MODELS: Readonly<Record<string, string>> = {
  fr: 'fra', en: 'eng', de: 'deu', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', ca: 'cat', eu: 'eus', br: 'bre',
  oc: 'oci', co: 'cos', ar: 'ara', pl: 'pol', ro: 'ron', ru: 'rus', uk: 'ukr', tr: 'tur', vi: 'vie', zh: 'chi_sim',
  ja: 'jpn', el: 'ell', he: 'heb', sv: 'swe', da: 'dan', fi: 'fin', cs: 'ces', hu: 'hun', ht: 'hat', wo: 'wol',
};
/** Latin-script text of a language without a model still reads better with English than not at all. */
const FALLBACK = 'eng';

/** Tesseract's model for a BCP 47 tag, or null when it has none. */
export function tesseractModel(language: string): string | null {
  return MODELS[primaryLanguage(language)] ?? null;
}

/**
 * Tesseract 5 through its command line, TSV output (words with confidences and line numbers).
 * `OMP_THREAD_LIMIT=1`: with OpenMP on, one slide took 0.93 s on these 2 cores against 0.54 s
 * single-threaded, and two single-threaded readers side by side reach 0.36 s a slide; callers
 * run two at once instead.
 */
export class TesseractOcrTool implements OcrTool {
  private installed: Promise<string[]> | null = null;

  constructor(private readonly binary = 'tesseract') {}

  async read(imagePath: string, options: OcrOptions): Promise<OcrReading> {
    const { model, fallback } = await this.modelFor(options.language);
    const args = [imagePath, 'stdout', '-l', model, '--psm', '3'];
    if (options.dpi) args.push('--dpi', String(Math.round(options.dpi)));
    args.push('tsv');
    let stdout: string;
    try {
      ({ stdout } = await run(this.binary, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 32 * 1024 * 1024 }));
    } catch (error) {
      throw this.failure(error, `could not read ${basename(imagePath)}`);
    }
    return { lines: parseTesseractTsv(stdout), models: [model], fallback };
  }

  async check(): Promise<{ version: string; languages: string[] }> {
    let version: string;
    try {
      const { stdout, stderr } = await run(this.binary, ['--version']);
      // Tesseract 4 printed its version on stderr, 5 on stdout.
      version = `${stdout}\n${stderr}`.split('\n').map((line) => line.trim()).find((line) => /^tesseract\s/i.test(line)) ?? 'tesseract';
    } catch (error) {
      throw this.failure(error, 'could not start');
    }
    return { version, languages: await this.languages() };
  }

  private async modelFor(language: string): Promise<{ model: string; fallback: boolean }> {
    const wanted = tesseractModel(language);
    const model = wanted ?? FALLBACK;
    if (!(await this.languages()).includes(model)) {
      const why = wanted ? `to read "${language}"` : `as the fallback for "${language}", which Tesseract has no model for`;
      throw new ToolError('tesseract', `the Tesseract language model "${model}" is not installed; it is needed ${why} (apt-get install tesseract-ocr-${model.replace('_', '-')})`);
    }
    return { model, fallback: wanted === null };
  }

  private languages(): Promise<string[]> {
    this.installed ??= run(this.binary, ['--list-langs'])
      .then(({ stdout, stderr }) => parseLanguageList(`${stdout}\n${stderr}`))
      .catch((error: unknown) => {
        this.installed = null; // installing it while the process runs should work on the next item
        throw this.failure(error, 'could not list its language models');
      });
    return this.installed;
  }

  private failure(error: unknown, what: string): ToolError {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      return new ToolError('tesseract', 'Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-fra)', '', { cause: error });
    }
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    // Its first error names the cause ("truncated file"); the last is always "Error during processing."
    const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
    const cause = lines.find((line) => /^error\b/i.test(line) && !/^error during processing/i.test(line)) ?? lines[lines.length - 1];
    return new ToolError('tesseract', `tesseract ${what}: ${cause ?? (error instanceof Error ? error.message : String(error))}`, stderr.slice(-2000), { cause: error });
  }
}

/** `--list-langs` prints a heading ("List of available languages in …") then one model a line. */
export function parseLanguageList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^list of available languages/i.test(line) && !/\s/.test(line));
}

/**
 * Tesseract's TSV: level, page_num, block_num, par_num, line_num, word_num, left, top, width,
 * height, conf, text. Words are level 5; the others describe the layout and carry conf −1.
 * Empty words (a rule or a bar read as a blank) are dropped.
 */
export function parseTesseractTsv(tsv: string): OcrLine[] {
  const lines = new Map<string, OcrLine>();
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const text = cells.slice(11).join('\t').trim();
    const confidence = Number(cells[10]);
    if (text === '' || !Number.isFinite(confidence) || confidence < 0) continue;
    const [page, block, paragraph, line] = cells.slice(1, 5);
    const key = `${page}:${block}:${paragraph}:${line}`;
    let entry = lines.get(key);
    if (!entry) {
      entry = { block: Number(block), paragraph: Number(paragraph), words: [] };
      lines.set(key, entry);
    }
    entry.words.push({ text, confidence: Math.min(100, confidence) });
  }
  return [...lines.values()];
}
