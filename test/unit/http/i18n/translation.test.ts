import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fr } from '../../../../src/http/i18n/fr/index.js';

/**
 * A locale's messages must have every French key: the compiler refuses a translation that lacks
 * one and names each missing key in its error (src/http/i18n/translation.ts). This compiles small
 * German message files against the project's own types, with the project's compiler options.
 */
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const SOURCES = path.join(ROOT, 'src/http/i18n');

function compile(body: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-translation-'));
  const file = path.join(dir, 'de.ts');
  const from = (name: string): string => path.relative(dir, path.join(SOURCES, name)).split(path.sep).join('/');
  writeFileSync(file, [`import { fr } from '${from('fr/index.js')}';`, `import { translation } from '${from('translation.js')}';`, body].join('\n'));
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (name) => ts.sys.readFile(name));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([file], { ...options, noEmit: true, rootDir: undefined, noUnusedLocals: false });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

/** The keys an error names as "missing: <key>", sorted. */
function missingIn(error: string | undefined): string[] {
  return [...(error ?? '').matchAll(/"missing: ([^"]+)"/g)].map((m) => m[1] ?? '').sort();
}

describe('translations checked by the compiler', () => {
  it('accepts a translation with exactly the French keys', () => {
    expect(compile(`export const de = translation([{ ...fr, 'lang.name': 'Deutsch' }], 'complete');`)).toEqual([]);
  }, 60_000);

  it('refuses one that lacks keys, naming each of them, however many', () => {
    const few = compile(
      "const { 'nav.home': _home, 'item.playFrom': _playFrom, 'size.bytes': _bytes, ...rest } = fr;\nexport const de = translation([rest], 'complete');",
    );
    expect(few).toHaveLength(1);
    expect(missingIn(few[0])).toEqual(['item.playFrom', 'nav.home', 'size.bytes']);
    // A translation just begun: the error still names every one of the hundreds of keys it lacks.
    const begun = compile(`export const de = translation([{ 'lang.name': 'Deutsch', 'lang.readIn': 'Diese Seite auf Deutsch lesen' }], 'complete');`);
    expect(begun).toHaveLength(1);
    const all = Object.keys(fr).filter((key) => !key.startsWith('lang.')).sort();
    expect(all.length).toBeGreaterThan(300);
    expect(missingIn(begun[0])).toEqual(all);
  }, 60_000);

  it('refuses a key French does not have (a typo, or a text French lost)', () => {
    const errors = compile(`export const de = translation([{ ...fr, 'nav.hoem': 'Startseite' }], 'complete');`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"not a French key: nav.hoem"');
  }, 60_000);
});
