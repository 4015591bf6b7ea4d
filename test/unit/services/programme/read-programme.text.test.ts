import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  controlCharacterIn,
  controlCharacterInValue,
  escapeControlCharacters,
} from '../../../../src/services/programme/control-characters.js';
import { decodeText } from '../../../../src/services/programme/raw-row.js';
import { readProgramme } from '../../../../src/services/programme/read-programme.js';
import { noDocuments, noMedia, tree } from '../../../support/programme-tree.js';

const media = noMedia;
const documents = noDocuments;
const deps = { media, documents, defaultLicence: 'CC-BY-4.0' as const };

/** UTF-16 with its byte order mark, as spreadsheets save "Unicode text". */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (order === 'be') bytes.swap16();
  return bytes;
}

// Nothing a terminal would interpret may reach a message: C0 (tab and line breaks included), DEL, C1.
const RAW_CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;

describe('control characters in programme values', () => {
  it('finds C0 (but tab and line breaks), DEL and C1, and escapes them for one terminal line', () => {
    expect(controlCharacterIn('Titre\u0001')).toBe('U+0001');
    expect(controlCharacterIn('a\u007Fb')).toBe('U+007F');
    expect(controlCharacterIn('a\u009Bb')).toBe('U+009B');
    expect(controlCharacterIn('ligne 1\r\nligne 2\tfin')).toBeNull();
    expect(controlCharacterIn('Médiation « numérique » — 2025')).toBeNull();
    expect(controlCharacterInValue([{ name: 'Ali', organisation: 'Ville\u001b[31m' }])).toBe('U+001B');
    expect(escapeControlCharacters('a\u001b[2Jb\nc')).toBe('a\\u001B[2Jb\\u000Ac');
  });

  it('refuses them in any text field, naming the field, and keeps them out of every message', async () => {
    const header = 'id,edition,title,kind,themes,speakers,summary,media';
    const rows = [
      ',2025 Strasbourg,Titre\u0001,talk,,,,a.mp4',
      ',2025 Strasbourg,Résumé,talk,,,"Ligne\u001b]0;pwned\u0007",b.mp4',
      ',2025 Strasbourg,Intervenants,talk,,Ali Ben (Ville\u007F),,c.mp4',
      ',2025 Strasbourg,Thèmes,talk,"Communs; IA\u0085",,,d.mp4',
      'mauvais\u001b[31m,2025 Strasbourg,Identifiant,talk,,,,e.mp4',
      ',2025 Strasbourg,Bon,talk,Communs,Jeanne Martin,"Deux lignes\r\navec\ttabulation",f.mp4',
    ];
    const files: Record<string, string> = { 'programme.csv': [header, ...rows].join('\n') };
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) files[`${name}.mp4`] = 'x';
    const root = await tree(files);

    const result = await readProgramme(join(root, 'programme.csv'), deps);

    expect(result.items.map((item) => [item.row, item.summary])).toEqual([[6, 'Deux lignes\navec\ttabulation']]);
    const controlProblems = result.problems.filter((p) => p.message.includes('control character'));
    expect(controlProblems.map((p) => [p.row, p.field, p.severity, p.message])).toEqual([
      [1, 'title', 'error', 'title contains a control character (U+0001)'],
      [2, 'summary', 'error', 'summary contains a control character (U+001B)'],
      [3, 'speakers', 'error', 'speakers contains a control character (U+007F)'],
      [4, 'themes', 'error', 'themes contains a control character (U+0085)'],
      [5, 'id', 'error', 'id contains a control character (U+001B)'],
    ]);
    // The id's own check quotes the value: escaped, not raw.
    expect(result.problems.find((p) => p.row === 5 && p.field === 'id' && p !== controlProblems[4])?.message)
      .toMatch(/^id "mauvais\\u001B\[31m" must be/);
    for (const problem of result.problems) expect(problem.message).not.toMatch(RAW_CONTROL);
  });

  it('refuses them inside JSON speaker objects too', async () => {
    const json = JSON.stringify([{ edition: '2025', title: 'Un', media: 'a.mp4', speakers: [{ name: 'Ali', organisation: 'Ville\u0002' }] }]);
    const root = await tree({ 'programme.json': json, 'a.mp4': 'x' });
    const result = await readProgramme(join(root, 'programme.json'), deps);
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.field, p.message])).toEqual([[1, 'speakers', 'speakers contains a control character (U+0002)']]);
  });
});

describe('Windows-1252 programmes', () => {
  it('reads ’, œ, € and … as letters, not as C1 control characters', async () => {
    const text = 'edition;title;summary;media\n2025 Strasbourg;L’\u0153uvre commune;5 € par mois…;a.mp4\n';
    const bytes = Uint8Array.from([...text].map((char) => ({ '’': 0x92, '\u0153': 0x9c, '€': 0x80, '…': 0x85 })[char] ?? char.charCodeAt(0)));
    const root = await tree({ 'programme.csv': bytes, 'a.mp4': 'x' });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.problems).toEqual([]);
    expect(result.items.map((item) => [item.title, item.summary])).toEqual([['L’\u0153uvre commune', '5 € par mois…']]);
  });
});

describe('speaker cells', () => {
  it('splits on ";" only outside parentheses', async () => {
    const csv = 'edition,title,speakers,media\n2025 Strasbourg,Un,"Ali Ben (Ville de Strasbourg; DSI); Jeanne Martin",a.mp4\n';
    const root = await tree({ 'programme.csv': csv, 'a.mp4': 'x' });
    const result = await readProgramme(join(root, 'programme.csv'), deps);
    expect(result.problems).toEqual([]);
    expect(result.items[0]?.speakers).toEqual([
      { name: 'Ali Ben', organisation: 'Ville de Strasbourg; DSI', slug: 'ali-ben' },
      { name: 'Jeanne Martin', slug: 'jeanne-martin' },
    ]);
  });
});

describe('UTF-16 programmes', () => {
  const text = 'title,edition,media\nMédiation numérique,2025 Strasbourg,a.mp4\n';

  it('decodes both byte orders from their byte order mark', () => {
    expect(decodeText(utf16(text, 'le'))).toBe(text);
    expect(decodeText(utf16(text, 'be'))).toBe(text);
    expect(decodeText(new TextEncoder().encode(`\uFEFF${text}`))).toBe(text);
  });

  it.each(['le', 'be'] as const)('reads a UTF-16 %s CSV and JSON', async (order) => {
    const json = JSON.stringify({ items: [{ title: 'Épisode', edition: '2024', media: 'a.mp4' }] });
    const root = await tree({ 'programme.csv': utf16(text, order), 'programme.json': utf16(json, order), 'a.mp4': 'x' });
    const csv = await readProgramme(join(root, 'programme.csv'), deps);
    expect(csv.problems).toEqual([]);
    expect(csv.items.map((item) => item.title)).toEqual(['Médiation numérique']);
    const structured = await readProgramme(join(root, 'programme.json'), deps);
    expect(structured.problems).toEqual([]);
    expect(structured.items.map((item) => item.title)).toEqual(['Épisode']);
  });
});
