import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A programme of some rows of a sample edition's (the short one by default), for tests where the
 * number of items proves nothing: a new folder holding the programme and links to the sample's
 * media folders, so each row names its files as in the whole edition and its item keeps its id.
 * Rows are picked by their media file ("talks/x.mp4"), in the order given.
 */
export function sampleProgramme(sampleDir: string, media: readonly string[]): { file: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-sample-programme-'));
  for (const folder of readdirSync(sampleDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    symlinkSync(path.join(sampleDir, folder.name), path.join(dir, folder.name));
  }
  const [header, ...lines] = readFileSync(path.join(sampleDir, 'programme.csv'), 'utf8').split(/\r?\n/);
  const rows = media.map((file) => {
    const line = lines.find((l) => l.includes(`,${file},`));
    if (!line) throw new Error(`no row of ${sampleDir}/programme.csv has the media file ${file}`);
    return line;
  });
  const file = path.join(dir, 'programme.csv');
  writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
