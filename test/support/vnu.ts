import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The Nu HTML Checker (vnu-jar, the W3C validator's engine) on documents the tests hand it: one
 * JVM start for all of them, since starting Java costs more than checking twenty pages.
 */
export const VNU_JAR = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');

/**
 * A run of a few seconds: the JVM's quick compiler only (no optimising tier to warm up) and its
 * single-threaded collector take about half the CPU time of the defaults (40 % less on fifty
 * large pages). Code from the quick compiler needs deeper stacks: vnu's schema evaluation
 * overflows 1 MB, so 8 MB. They change how fast the checker runs, not what it reports.
 */
const JVM_OPTIONS = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export interface CheckedDocument {
  /** What a failure names: the page's path, a CSS file… */
  name: string;
  /** Its extension decides how vnu reads it: html, css or svg. */
  type: 'html' | 'css' | 'svg';
  content: string;
}

export interface VnuMessage {
  /** The document's name as given. */
  name: string;
  /** error (fatal included) or warning (vnu's "info" with subType "warning"); plain info is dropped. */
  type: 'error' | 'warning';
  line: number | null;
  message: string;
  extract: string;
}

interface RawMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Every error and warning vnu reports on the documents, in one run. */
export async function vnuMessages(documents: readonly CheckedDocument[]): Promise<VnuMessage[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mc-vnu-'));
  try {
    const names = new Map<string, string>();
    const files = await Promise.all(documents.map(async (document, index) => {
      const file = path.join(dir, `${String(index).padStart(3, '0')}.${document.type}`);
      await writeFile(file, document.content);
      names.set(pathToFileURL(file).href, document.name);
      return file;
    }));
    // vnu exits 1 when it finds an error; its JSON report is on stdout either way.
    const stdout = await run('java', [...JVM_OPTIONS, '-jar', VNU_JAR, '--format', 'json', '--stdout', '--also-check-css', '--also-check-svg', ...files], { maxBuffer: 64 * 1024 * 1024 })
      .then((result) => result.stdout, (error: { stdout?: string; stderr?: string; message: string }) => {
        if (!error.stdout) throw new Error(`vnu did not run: ${error.stderr || error.message}`);
        return error.stdout;
      });
    const report = JSON.parse(stdout) as { messages: RawMessage[] };
    return report.messages.flatMap((raw): VnuMessage[] => {
      const isError = raw.type !== 'info';
      if (!isError && raw.subType !== 'warning') return [];
      // vnu writes file: URLs with a single slash (file:/tmp/…); Node writes file:///tmp/….
      const url = raw.url ? pathToFileURL(new URL(raw.url).pathname).href : '';
      return [{
        name: names.get(url) ?? raw.url ?? '(vnu)',
        type: isError ? 'error' : 'warning',
        line: raw.lastLine ?? null,
        message: raw.message,
        extract: (raw.extract ?? '').replace(/\s+/g, ' ').trim(),
      }];
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line per message, for an assertion's failure text. */
export function describeVnu(message: VnuMessage): string {
  return `${message.name}${message.line !== null ? `:${message.line}` : ''} ${message.type}: ${message.message} — ${message.extract}`;
}
