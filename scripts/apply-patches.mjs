// Applies patches/ to installed packages (npm's postinstall). The patched packages are dev
// dependencies, and so is patch-package: a production install has neither, and nothing to do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let patchPackage;
try {
  patchPackage = require.resolve('patch-package/index.js');
} catch {
  process.exit(0);
}
const run = spawnSync(process.execPath, [patchPackage], { stdio: 'inherit' });
process.exit(run.status ?? 1);
