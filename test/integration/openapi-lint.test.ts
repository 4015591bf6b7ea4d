import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWeb, type TestWeb } from '../support/web.js';

/**
 * The OpenAPI document the site serves, linted by Redocly CLI with its recommended ruleset:
 * whatever paths it holds today, zero errors. Warnings are printed, not failed on.
 */
const run = promisify(execFile);
const REDOCLY = path.resolve('node_modules/@redocly/cli/bin/cli.js');
/** No telemetry and no update check: the linter must not call anywhere (closed networks, CI). */
const OFFLINE = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

let dir: string;
let site: TestWeb;

async function lint(document: unknown, name: string): Promise<LintProblem[]> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(document, null, 2));
  // Redocly exits 1 when it finds errors; its JSON report is on stdout either way.
  const stdout = await run(process.execPath, [REDOCLY, 'lint', file, '--extends=recommended', '--format=json'], { cwd: dir, env: { ...process.env, ...OFFLINE }, maxBuffer: 16 * 1024 * 1024 })
    .then((result) => result.stdout, (error: { stdout?: string; stderr?: string; message: string }) => {
      if (!error.stdout) throw new Error(`redocly did not run: ${error.stderr || error.message}`);
      return error.stdout;
    });
  return (JSON.parse(stdout) as { problems: LintProblem[] }).problems;
}

const describeProblem = (p: LintProblem): string => `${p.ruleId} ${p.location.map((l) => l.pointer).join(' ')}: ${p.message}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mc-openapi-lint-'));
  site = await startTestWeb([]);
});

afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Redocly lint of /api/openapi.json (recommended ruleset)', () => {
  it('reports an error in a broken document', async () => {
    const served = JSON.parse((await site.fetch('/api/openapi.json')).text) as { paths: Record<string, { get: Record<string, unknown> }> };
    const [first] = Object.keys(served.paths);
    if (!first) throw new Error('the document has no paths');
    // An operation without responses and a reference to a schema that does not exist.
    const broken = { ...served, paths: { ...served.paths, [first]: { get: { ...served.paths[first]?.get, responses: { 200: { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nowhere' } } } } } } } } };
    const errors = (await lint(broken, 'broken.json')).filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.ruleId)).toContain('no-unresolved-refs');
  });

  it('finds no error in the served document; warnings are listed', async () => {
    const response = await site.fetch('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = JSON.parse(response.text) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    const problems = await lint(document, 'openapi.json');
    const errors = problems.filter((p) => p.severity === 'error').map(describeProblem);
    expect(errors, errors.join('\n')).toEqual([]);
    // Today: operation-4xx-response on /api/openapi.json, /feeds/podcasts.xml and /sitemap.xml,
    // which take no parameter and have no client error to describe.
    const warnings = problems.filter((p) => p.severity === 'warn').map(describeProblem);
    if (warnings.length > 0) console.warn(`Redocly warnings:\n${warnings.join('\n')}`);
  });
});
