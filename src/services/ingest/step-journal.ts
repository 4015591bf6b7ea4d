import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StepResult } from '../../pipeline/step.js';

/**
 * Remembers, inside an item's work folder, which steps finished and what they returned, so that
 * a run killed mid-transcode resumes at the step it was in instead of starting over. The marker
 * is written after the step's files, by rename: a marker always means complete outputs.
 */
export class StepJournal {
  constructor(private readonly dir: string) {}

  async read(name: string, version: number): Promise<StepResult | null> {
    try {
      const saved = JSON.parse(await readFile(this.fileOf(name), 'utf8')) as { version: number; result: StepResult };
      return saved.version === version ? saved.result : null;
    } catch {
      return null;
    }
  }

  async write(name: string, version: number, result: StepResult): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(name);
    await writeFile(`${file}.part`, JSON.stringify({ version, result }));
    await rename(`${file}.part`, file);
  }

  private fileOf(name: string): string {
    return path.join(this.dir, `${name}.json`);
  }
}
