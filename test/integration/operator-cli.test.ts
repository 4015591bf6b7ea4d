import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/adapters/blob-store/fs-blob-store.js';
import { readOperatorLog } from '../../src/services/operators/operator-log.js';
import { findOperator } from '../../src/services/operators/operators.js';
import { verifyPassword } from '../../src/services/operators/password-hash.js';
import type { CliRun } from '../support/cli.js';
import { cliEntry } from '../support/cli-entry.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'mc-operator-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real CLI with `input` on its standard input (the password), over its own DATA_DIR. */
function operatorCli(args: string[], input = ''): Promise<CliRun> {
  const child = spawn(process.execPath, [...cliEntry(), 'operator', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, MEILI_URL: 'http://127.0.0.1:9', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

const store = (): FsBlobStore => new FsBlobStore(dataDir);

describe('mediacommuns operator', () => {
  it('adds an operator from a password on standard input, kept only as a scrypt hash', async () => {
    const run = await operatorCli(['add', 'Camille', '--password-stdin'], 'correct horse battery staple\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Operator camille added\n');
    const operator = await findOperator(store(), 'camille');
    expect(operator?.password).toMatchObject({ algorithm: 'scrypt', N: 32768, r: 8, p: 1 });
    // The final newline of `echo` is not part of the password; the password is nowhere in clear.
    expect(await verifyPassword('correct horse battery staple', operator!.password)).toBe(true);
    expect(await verifyPassword('correct horse battery staple\n', operator!.password)).toBe(false);
    expect(readFileSync(path.join(dataDir, 'operators.json'), 'utf8')).not.toContain('battery');
    const [logged] = await readOperatorLog(store(), { limit: 1 });
    expect(logged).toMatchObject({ action: 'operator.add', target: 'camille' });
    expect(logged!.operator).toMatch(/^cli:/);
    expect(JSON.stringify(logged)).not.toContain('battery');
  });

  it('lists the operators, as a table and as JSON, never with a hash', async () => {
    expect((await operatorCli(['add', 'dominique', '--password-stdin'], 'un autre mot de passe')).code).toBe(0);
    const text = await operatorCli(['list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^name\s+password set\n/);
    expect(text.stdout).toMatch(/\ncamille\s+\d{4}-\d\d-\d\dT/);
    expect(text.stdout).toMatch(/\ndominique\s+/);
    const json = await operatorCli(['list', '--json']);
    const listed = JSON.parse(json.stdout) as { name: string; addedAt: string }[];
    expect(listed.map((o) => o.name)).toEqual(['camille', 'dominique']);
    expect(json.stdout).not.toMatch(/salt|hash|scrypt/);
  });

  it('refuses a password on the command line, a short one and a bad name, with exit code 2', async () => {
    const noStdin = await operatorCli(['add', 'eve']);
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toContain('--password-stdin');
    const short = await operatorCli(['add', 'eve', '--password-stdin'], 'court\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const badName = await operatorCli(['add', 'eve/../x', '--password-stdin'], 'un mot de passe assez long');
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('operator name "eve/../x"');
    expect(await findOperator(store(), 'eve')).toBeNull();
  });

  it('removes an operator (logged), and says so when there is none', async () => {
    const removed = await operatorCli(['remove', 'dominique']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe('Operator dominique removed\n');
    expect(await findOperator(store(), 'dominique')).toBeNull();
    expect((await readOperatorLog(store(), { limit: 1 }))[0]).toMatchObject({ action: 'operator.remove', target: 'dominique' });
    const again = await operatorCli(['remove', 'dominique']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: no operator "dominique"\n');
    expect(JSON.parse((await operatorCli(['list', '--json'])).stdout)).toEqual([expect.objectContaining({ name: 'camille' })]);
  });
});
