// Prints "N passed, N failed[, N skipped]" from a vitest JSON report; exit 1 when any failed
// or when no test ran at all (a silent empty run must not look green).
import { readFileSync } from 'node:fs';

let report;
try {
  report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
} catch (error) {
  console.log('0 passed, 1 failed');
  console.error(`no vitest report: ${error.message}`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// Files that crash before their tests run count as failures too.
const failed = (report.numFailedTests ?? 0) + (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// CI reads the last line, exactly "N passed, N failed": skipped tests are said just before it.
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
