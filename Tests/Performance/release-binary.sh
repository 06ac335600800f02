#!/bin/sh
# Builds the release `fuwu` as `make install` does (the Swift libraries linked in:
# --static-swift-stdlib), or dynamically linked with STATIC=0, and prints the binary's path.
# Build output goes to stderr. SCRATCH=.build-xxx reuses a build folder.
# Used by measure-start.sh and measure-tui.sh, so both measure the same binary.
set -eu
cd "$(dirname "$0")/../.."
if [ "${STATIC:-1}" = 1 ]; then
    scratch=${SCRATCH:-.build-release-static}
    swift build -c release --scratch-path "$scratch" --static-swift-stdlib --product fuwu >&2
else
    scratch=${SCRATCH:-.build-release}
    swift build -c release --scratch-path "$scratch" --product fuwu >&2
fi
echo "$PWD/$scratch/release/fuwu"
