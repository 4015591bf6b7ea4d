#!/usr/bin/env bash
# Quick start: install everything, generate the sample edition, ingest it, show the archive.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsx scripts/make-sample.ts --out sample
node bin/mediacommuns.js ingest sample/programme.csv
node bin/mediacommuns.js status
