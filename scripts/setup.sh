#!/usr/bin/env bash
# Installs what Médiacommuns needs on Debian (as root): system packages when missing, then npm
# packages, then builds. Safe to run again: it only installs what is absent.
#   --test   also what the test suite starts for real: Chromium (browser tests), Redis (queue tests)
#            and Java (the Nu HTML Checker)
set -euo pipefail
cd "$(dirname "$0")/.."
for_tests=false
[ "${1:-}" = "--test" ] && for_tests=true

# command → Debian package
declare -A NEEDED=(
  [ffmpeg]=ffmpeg
  [ffprobe]=ffmpeg
  [espeak-ng]=espeak-ng
  [pdfinfo]=poppler-utils
  [pdftoppm]=poppler-utils
  [pdftotext]=poppler-utils
  [tesseract]=tesseract-ocr
  # smart-whisper compiles whisper.cpp (speech-to-text) when installed.
  [g++]=g++
  [make]=make
  [python3]=python3
)
missing=()
for cmd in "${!NEEDED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDED[$cmd]}")
done
# Slides and posters are drawn with this font; fontconfig finds it by name.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# Slide and scanned-page OCR reads French with Tesseract's French model.
ocr_models=$(tesseract --list-langs 2>/dev/null || true)
grep -qx fra <<<"$ocr_models" || missing+=(tesseract-ocr-fra)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if $for_tests; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  # The Nu HTML Checker (vnu-jar) runs on Java.
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  # The OAI-PMH tests harvest /oai with Perl's HTTP::OAI harvester.
  command -v oai_pmh >/dev/null 2>&1 || missing+=(libhttp-oai-perl)
fi

if [ ${#missing[@]} -gt 0 ]; then
  pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  echo "setup: installing Debian packages: $pkgs"
  if [ "$(id -u)" -ne 0 ]; then echo "setup: run as root (or install: $pkgs)" >&2; exit 2; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
fi

major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "setup: Node.js $(node --version) is too old; Médiacommuns needs Node.js 20 or newer" >&2
  exit 2
fi

# node-gyp (smart-whisper's install script) would download Node's headers: use the installed ones.
export npm_config_nodedir="${npm_config_nodedir:-$(node -p 'require("path").resolve(process.execPath, "../..")')}"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
else
  npm run --silent build
fi
# Rebuilds whisper.cpp with this CPU's vector instructions (a no-op when already done).
bash scripts/build-whisper.sh
