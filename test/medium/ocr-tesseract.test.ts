import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharpImageTool } from '../../src/adapters/image-tool/sharp-image-tool.js';
import { parseLanguageList, parseTesseractTsv, TesseractOcrTool, tesseractModel } from '../../src/adapters/ocr/tesseract-ocr-tool.js';
import { ToolError } from '../../src/domain/errors.js';

const ocr = new TesseractOcrTool();
let root: string;
let picture: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mc-tesseract-'));
  picture = join(root, 'text.png');
  await new SharpImageTool().renderSvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="360"><rect width="1280" height="360" fill="#fff"/>'
      + '<text x="60" y="140" font-family="DejaVu Sans" font-weight="bold" font-size="64" fill="#14213D">Médiation numérique</text>'
      + '<text x="60" y="250" font-family="DejaVu Sans" font-size="44" fill="#1F2933">Accompagner sans remplacer</text></svg>',
    picture,
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('parseTesseractTsv', () => {
  it('groups words by line, keeps confidences, skips layout rows and blank words', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t640\t360\t-1\t',
      '4\t1\t1\t1\t1\t0\t41\t44\t490\t25\t-1\t',
      '5\t1\t1\t1\t1\t1\t41\t44\t34\t20\t95.978973\tCe',
      '5\t1\t1\t1\t1\t2\t86\t49\t51\t20\t96.575378\tque',
      '5\t1\t2\t1\t1\t1\t40\t78\t53\t3\t95.000000\t ',
      '5\t1\t3\t1\t1\t1\t46\t110\t8\t8\t41.679428\t+',
      '5\t1\t3\t1\t1\t2\t65\t107\t32\t13\t96.241035\tDes',
      '5\t1\t3\t1\t2\t1\t46\t150\t8\t7\t0.000000\te',
      '',
    ].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual([
      { block: 1, paragraph: 1, words: [{ text: 'Ce', confidence: 95.978973 }, { text: 'que', confidence: 96.575378 }] },
      { block: 3, paragraph: 1, words: [{ text: '+', confidence: 41.679428 }, { text: 'Des', confidence: 96.241035 }] },
      { block: 3, paragraph: 1, words: [{ text: 'e', confidence: 0 }] },
    ]);
  });

  it('reads the language list of Tesseract 5 and maps BCP 47 tags to its models', () => {
    expect(parseLanguageList('List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):\neng\nfra\nosd\n')).toEqual(['eng', 'fra', 'osd']);
    expect(tesseractModel('fr')).toBe('fra');
    expect(tesseractModel('fr-CA')).toBe('fra');
    expect(tesseractModel('en')).toBe('eng');
    expect(tesseractModel('gsw')).toBeNull();
  });
});

describe('TesseractOcrTool', () => {
  it('reports its version and the installed French and English models', async () => {
    const { version, languages } = await ocr.check();
    expect(version).toMatch(/^tesseract \d+\.\d+/);
    expect(languages).toEqual(expect.arrayContaining(['fra', 'eng']));
  });

  it('reads French text with its accents and high confidence', async () => {
    const reading = await ocr.read(picture, { language: 'fr' });
    expect(reading.models).toEqual(['fra']);
    expect(reading.fallback).toBe(false);
    expect(reading.lines.map((line) => line.words.map((word) => word.text).join(' '))).toEqual(['Médiation numérique', 'Accompagner sans remplacer']);
    for (const word of reading.lines.flatMap((line) => line.words)) expect(word.confidence).toBeGreaterThan(80);
  });

  it('falls back to the English model for a language Tesseract has no model for', async () => {
    const reading = await ocr.read(picture, { language: 'gsw' });
    expect(reading).toMatchObject({ models: ['eng'], fallback: true });
    expect(reading.lines.flatMap((line) => line.words.map((word) => word.text))).toContain('sans');
  });

  it('refuses a language whose model is not installed, saying which package to install', async () => {
    const { languages } = await ocr.check();
    const missing = ['de', 'es', 'it', 'nl', 'pt', 'ar', 'ja'].find((tag) => !languages.includes(tesseractModel(tag) ?? ''));
    if (!missing) return; // every candidate model is installed on this machine: nothing to refuse
    const model = tesseractModel(missing) as string;
    const failure = ocr.read(picture, { language: missing });
    await expect(failure).rejects.toBeInstanceOf(ToolError);
    await expect(failure).rejects.toThrow(`the Tesseract language model "${model}" is not installed; it is needed to read "${missing}" (apt-get install tesseract-ocr-${model})`);
  });

  it('says clearly when Tesseract is not installed', async () => {
    const absent = new TesseractOcrTool('tesseract-not-installed-here');
    await expect(absent.check()).rejects.toThrow('Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-fra)');
    await expect(absent.read(picture, { language: 'fr' })).rejects.toBeInstanceOf(ToolError);
  });

  it('fails with a ToolError on a file that is not a picture', async () => {
    const bogus = join(root, 'not-a-picture.png');
    await writeFile(bogus, 'hello');
    const failure = ocr.read(bogus, { language: 'fr' });
    await expect(failure).rejects.toBeInstanceOf(ToolError);
    await expect(failure).rejects.toThrow(/^tesseract could not read /);
  });
});
