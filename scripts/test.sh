#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, runs vitest, and ends with one
# line "N passed, N failed" counted from vitest's JSON report; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || exit 2
npm run --silent typecheck || { echo "0 passed, 1 failed"; exit 1; }
# No import cycle anywhere under src/ (type-only imports included).
npm run --silent cycles >/dev/null || { npm run --silent cycles; echo "0 passed, 1 failed"; exit 1; }
report=$(mktemp -t vitest-report.XXXXXX.json)
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
node scripts/count-tests.mjs "$report" || status=1
rm -f "$report"
exit $status
