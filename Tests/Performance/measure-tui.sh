#!/bin/sh
# Measures the terminal browser's first frame, peak RSS and key-to-frame latency on the
# embedded catalogue (release build, compiled catalogue cached). See docs/performance.md.
# Built as `make install` builds it (--static-swift-stdlib); STATIC=0 for the dynamic build.
# Usage: Tests/Performance/measure-tui.sh [--runs N] [--keys N]
set -eu
cd "$(dirname "$0")/../.."
binary=$(sh Tests/Performance/release-binary.sh)
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
export FUWU_CACHE_DIR="$cache"
"$binary" build >/dev/null   # compile the catalogue once: the figures are for a cached start
echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 Tests/Performance/measure-tui.py "$binary" "$@"
