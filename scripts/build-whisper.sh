#!/usr/bin/env bash
# Builds smart-whisper's native addon (whisper.cpp) with the CPU's vector instructions.
#
# Its install script compiles whisper.cpp with node-gyp's default flags (-O3, no -mavx2): ggml then
# falls back to scalar code and speech-to-text runs many times slower (9.5× for a base-sized model
# here: 42 s instead of 4.4 s for one 30 s window on 2 cores). node-gyp's Makefile appends
# CFLAGS/CXXFLAGS from the environment, so a rebuild with them set is enough; nothing is downloaded.
#
# Two one-line fixes are applied to the binding's model loader first (src/binding/model.cc):
#  - its whisper_context_params were left uninitialised (flash attention, DTW timestamps… took
#    whatever was on the stack): they now start from whisper_context_default_params();
#  - after a failed load it called whisper_print_timings(NULL) and crashed the process.
#
# Idempotent: a stamp beside the addon records the flags, the fixes and the addon's sha256; when
# all match, this is a no-op. `npm ci` replaces node_modules (stamp included): the next run rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."

package=node_modules/smart-whisper
addon=$package/build/Release/smart-whisper.node
stamp=$addon.mediacommuns-flags

if [ ! -d "$package" ]; then
  echo "build-whisper: $package is missing; run npm ci first" >&2
  exit 2
fi

# One build at a time: two node-gyp runs in the same folder delete each other's files.
exec 9>"$package/.build-whisper.lock"
flock 9

# Only the instructions this CPU has: an -mavx2 binary dies with SIGILL on a CPU without AVX2.
# NDEBUG: a release build, as whisper.cpp's own CMake makes it (else ggml prints allocator
# debugging lines on stderr for every window). _GNU_SOURCE: ggml.c uses CPU_ALLOC & co.
flags="-O3 -DNDEBUG -D_GNU_SOURCE"
cpu_flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || true)
for feature in avx avx2 fma f16c; do
  if [[ " $cpu_flags " == *" $feature "* ]]; then flags="$flags -m$feature"; fi
done

fixes=1
wanted="flags=$flags fixes=$fixes"
if [ -f "$addon" ] && [ -f "$stamp" ]; then
  recorded=$(cat "$stamp")
  actual="$wanted sha256=$(sha256sum "$addon" | cut -d' ' -f1)"
  if [ "$recorded" = "$actual" ]; then
    exit 0
  fi
fi

model_cc=$package/src/binding/model.cc
sed -i \
  -e 's/^    whisper_context_params params;$/    whisper_context_params params = whisper_context_default_params();/' \
  -e 's/^        whisper_print_timings(context);$/        if (context != nullptr) whisper_print_timings(context);/' \
  "$model_cc"
if ! grep -q 'params = whisper_context_default_params();' "$model_cc" || ! grep -q 'if (context != nullptr) whisper_print_timings' "$model_cc"; then
  echo "build-whisper: $model_cc is not the smart-whisper 0.8.1 source this script knows how to fix" >&2
  exit 1
fi

# node-gyp downloads Node's headers unless told where they are: use the ones installed with node
# (Debian's nodejs and the official tarballs have them), so nothing is fetched from the network.
prefix=$(node -p 'require("path").resolve(process.execPath, "../..")')
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$prefix/include/node/node_api.h" ]; then
  export npm_config_nodedir="$prefix"
fi

echo "build-whisper: compiling whisper.cpp with $flags (about a minute)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# `npm rebuild` runs the package's own install script (node-gyp rebuild) with our flags added.
if ! CFLAGS="$flags" CXXFLAGS="$flags" JOBS="${JOBS:-$(nproc)}" \
  npm rebuild smart-whisper --foreground-scripts --loglevel=error >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "build-whisper: compiling failed (needs g++, make and python3)" >&2
  exit 1
fi

if [ ! -f "$addon" ]; then
  echo "build-whisper: the build finished without $addon" >&2
  exit 1
fi
node -e "require('./$package')" || { echo "build-whisper: $addon does not load" >&2; exit 1; }
echo "$wanted sha256=$(sha256sum "$addon" | cut -d' ' -f1)" > "$stamp"
echo "build-whisper: built $addon"
