import { parseArgs } from 'node:util';
import { createStore } from '../../compose.js';
import type { Config } from '../../config.js';
import { UsageError } from '../../domain/errors.js';
import { recordOperatorAction } from '../../services/operators/operator-log.js';
import { addOperator, checkOperatorName, listOperators, removeOperator } from '../../services/operators/operators.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../services/operators/password-hash.js';
import { cliOperator } from '../cli-operator.js';
import { table } from '../format.js';
import type { CliIo } from '../io.js';

export const OPERATOR_HELP = `Usage: mediacommuns operator add <name> --password-stdin
       mediacommuns operator remove <name>
       mediacommuns operator list [--json]

The accounts of the team's console (/admin). A password is read from standard input, never
from the command line (it would stay in the shell's history and show in the process list), and
kept only as a scrypt hash in the store (operators.json). Adding a name that exists sets a new
password (its open sessions end). Removing an operator ends its sessions at once. Every change is
written to the operator log (operator-log/ in the store).

  add <name>         a name of 1–64 characters a–z, 0–9, ".", "-", "_" (lower-cased)
  --password-stdin   the password on standard input (${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters; one final newline is dropped)
  remove <name>      exit 1 when there is no such operator
  list [--json]      names and the date each password was set; never a hash

Example: printf '%s' "$PASSWORD" | mediacommuns operator add camille --password-stdin
Exit code: 0 done, 1 no such operator, 2 bad usage.`;

async function readPassword(stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string> {
  if (stdin.isTTY) throw new UsageError('--password-stdin: standard input is a terminal; pipe the password in (see mediacommuns operator --help)');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new UsageError(`the password must have at most ${MAX_PASSWORD_LENGTH} characters`);
  return password;
}

export async function operatorCommand(
  args: string[],
  config: Readonly<Config>,
  io: CliIo,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'password-stdin': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [action, name, ...extra] = positionals;
  if (values.help) {
    io.out(`${OPERATOR_HELP}\n`);
    return 0;
  }
  if (extra.length > 0) throw new UsageError(`operator ${action}: one name at a time (got ${positionals.length - 1})`);
  const store = await createStore(config);
  switch (action) {
    case 'add': {
      if (!name) throw new UsageError('operator add takes a name (see mediacommuns operator --help)');
      if (!values['password-stdin']) throw new UsageError('operator add needs --password-stdin: a password is never taken from the command line');
      checkOperatorName(name);
      const added = await addOperator(store, name, await readPassword(stdin));
      await recordOperatorAction(store, { operator: cliOperator(), action: added.replaced ? 'operator.password' : 'operator.add', target: added.name });
      io.out(added.replaced ? `Operator ${added.name}: new password set\n` : `Operator ${added.name} added\n`);
      return 0;
    }
    case 'remove': {
      if (!name) throw new UsageError('operator remove takes a name (see mediacommuns operator --help)');
      if (!(await removeOperator(store, name))) {
        io.err(`error: no operator "${name}"\n`);
        return 1;
      }
      await recordOperatorAction(store, { operator: cliOperator(), action: 'operator.remove', target: checkOperatorName(name) });
      io.out(`Operator ${checkOperatorName(name)} removed\n`);
      return 0;
    }
    case 'list': {
      if (name) throw new UsageError('operator list takes no name');
      const operators = (await listOperators(store)).map((o) => ({ name: o.name, addedAt: o.addedAt }));
      if (values.json) io.out(`${JSON.stringify(operators, null, 2)}\n`);
      else if (operators.length === 0) io.out('No operator yet: mediacommuns operator add <name> --password-stdin\n');
      else io.out(`${table(['name', 'password set'], operators.map((o) => [o.name, o.addedAt]))}\n`);
      return 0;
    }
    default:
      throw new UsageError(action ? `operator ${action}: unknown action (add, remove or list)` : 'operator takes add, remove or list (see mediacommuns operator --help)');
  }
}
