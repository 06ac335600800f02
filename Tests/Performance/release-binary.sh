#!/bin/sh
# Builds the release `fuwu` as `make install` builds it (the Swift libraries linked in:
# --static-swift-stdlib), or dynamically linked with STATIC=0, and prints the binary's path.
# Build output goes to stderr. SCRATCH=.build-xxx reuses a build folder.
# Used by measure-start.sh and measure-tui.sh, so both measure the same binary.
#
# As `make install`, it gives every Swift function a section of its own and has the linker lay out
# first the functions a start runs (scripts/code-order.txt, from scripts/generate-code-order.py),
# so that a start pages in less code; ORDER=0 builds without. The ordered build has scratch
# folders of its own: Swift 6.3 does not rewrite an object file whose code it finds unchanged
# (the module hash it stores, .swift_modhash), even when -function-sections was added since, so
# objects left by a build without the flag would keep their functions in one section.
set -eu
cd "$(dirname "$0")/../.."
order=""
suffix=""
if [ "${ORDER:-1}" = 1 ]; then
    order="-Xswiftc -Xfrontend -Xswiftc -function-sections -Xlinker --section-ordering-file=$PWD/scripts/code-order.txt"
    suffix="-ordered"
fi
if [ "${STATIC:-1}" = 1 ]; then
    scratch=${SCRATCH:-.build-release-static$suffix}
    # shellcheck disable=SC2086
    swift build -c release --scratch-path "$scratch" --static-swift-stdlib $order --product fuwu >&2
else
    scratch=${SCRATCH:-.build-release$suffix}
    # shellcheck disable=SC2086
    swift build -c release --scratch-path "$scratch" $order --product fuwu >&2
fi
echo "$PWD/$scratch/release/fuwu"
