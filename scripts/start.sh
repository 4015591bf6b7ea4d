#!/usr/bin/env bash
# Quick start: install everything, generate the sample edition, ingest it, and serve the site
# on http://localhost:3000 (PORT to change it) until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsx scripts/make-sample.ts --out sample
node bin/mediacommuns.js ingest sample/programme.csv
node bin/mediacommuns.js status
exec node bin/mediacommuns.js serve
