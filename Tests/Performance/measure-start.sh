#!/bin/sh
# Measures fuwu from a cold process against the targets of issue #10, in one run (release build,
# compiled catalogue cached): every command with hyperfine beside `fuwu --help` (the process
# floor), search beside `fzf --filter` over the same names (from `fuwu names`), and the browser's
# first frame and peak RSS through a pseudo-terminal (measure-tui.py). Prints the ratios beside
# the targets. Needs hyperfine, fzf and python3 (apt-get install hyperfine fzf).
# Not part of `swift test`: figures, not assertions. See docs/performance.md.
#
# With --instructions it first counts each command's instructions under callgrind (valgrind
# from Debian), which do not depend on the other processes sharing the machine, beside
# `fuwu --help`'s; the ratios to compare with the targets when the wall times are noisy.
#
# The binary is built as `make install` builds it, with the Swift libraries linked in
# (--static-swift-stdlib: `fuwu --help` 44 → 29 M instructions, its peak RSS 23.5 → 18.5 MB)
# and the functions a start runs laid out together (scripts/code-order.txt: the first frame's
# peak RSS +4.9 → +2.8 MB over `--help`'s, with the other changes of that round);
# STATIC=0 measures the dynamically linked build instead, ORDER=0 one without the order.
#
# Usage: Tests/Performance/measure-start.sh [--runs N] [--instructions]   # SCRATCH=.build-xxx to reuse a build folder
set -eu
cd "$(dirname "$0")/../.."
runs=30
instructions=no
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --instructions) instructions=yes; shift ;;
        *) echo "measure-start: unknown argument $1" >&2; exit 64 ;;
    esac
done
for tool in hyperfine fzf python3; do
    command -v "$tool" >/dev/null || { echo "measure-start: needs $tool (apt-get install hyperfine fzf)" >&2; exit 69; }
done
fuwu=$(sh Tests/Performance/release-binary.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FUWU_CACHE_DIR="$work/cache"
export FUWU_STATE_DIR="$work/state"   # a new user: no saved places, favourites or history
"$fuwu" build >/dev/null   # every start below is a cached start
# The names search covers: every item, point and standard text (3106 in Futian).
"$fuwu" names | awk -F '\t' '$1 != "domain" { print $3 }' > "$work/names.txt"
echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg); $(wc -l < "$work/names.txt") names; binary $(du -h "$fuwu" | cut -f1)"

if [ "$instructions" = yes ]; then
    command -v valgrind >/dev/null || { echo "measure-start: --instructions needs valgrind (apt-get install valgrind)" >&2; exit 69; }
    # Valgrind 3.19 cannot read the DWARF 5 of a Swift release build: count a copy without it.
    cp "$fuwu" "$work/fuwu-stripped" && strip -g "$work/fuwu-stripped"
    count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/fuwu-stripped" "$@" 2>&1 >/dev/null \
            | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    floor=$(count --help)
    echo "| command | instructions (M) | ÷ \`fuwu --help\` | target |"
    echo "|---|---:|---:|---|"
    awk -v n="$floor" 'BEGIN { printf "| `fuwu --help` | %.1f | 1 | |\n", n / 1e6 }'
    while IFS='|' read -r target command; do
        # shellcheck disable=SC2086
        n=$(count $command)
        awk -v c="$command" -v n="$n" -v f="$floor" -v t="$target" \
            'BEGIN { printf "| `fuwu %s` | %.1f | %.2f | %s |\n", c, n / 1e6, n / f, t }'
    done <<'LIST'
≤ 3|domains
≤ 3|items
≤ 3|item D4-01
≤ 3|points
≤ 3|point P0505
≤ 3|standards
≤ 3|standard S0001
≤ 3|stats
≤ 3|nearby --at 市民中心 --radius 1500
≤ 3|nearby --at shiminzhongxin
vs fzf|search 社康 --no-body --limit 20
vs fzf|search shekang --no-body --limit 20
vs fzf|search 社康 --limit 20
LIST
    echo
fi

hyperfine --shell sh --warmup 3 --runs "$runs" --style basic --export-json "$work/cli.json" \
    -n "fuwu --help" "'$fuwu' --help" \
    -n "fzf --filter 社康" "fzf --filter 社康 < '$work/names.txt'" \
    -n "fuwu domains" "'$fuwu' domains" \
    -n "fuwu items" "'$fuwu' items" \
    -n "fuwu item D4-01" "'$fuwu' item D4-01" \
    -n "fuwu points" "'$fuwu' points" \
    -n "fuwu point P0505" "'$fuwu' point P0505" \
    -n "fuwu standards" "'$fuwu' standards" \
    -n "fuwu standard S0001" "'$fuwu' standard S0001" \
    -n "fuwu stats" "'$fuwu' stats" \
    -n "fuwu nearby --at 市民中心 --radius 1500" "'$fuwu' nearby --at 市民中心 --radius 1500" \
    -n "fuwu nearby --at shiminzhongxin" "'$fuwu' nearby --at shiminzhongxin" \
    -n "fuwu search 社康 --no-body" "'$fuwu' search 社康 --no-body --limit 20" \
    -n "fuwu search shekang --no-body" "'$fuwu' search shekang --no-body --limit 20" \
    -n "fuwu search skzx --no-body" "'$fuwu' search skzx --no-body --limit 20" \
    -n "fuwu search 社區 --no-body" "'$fuwu' search 社區 --no-body --limit 20" \
    -n "fuwu search 社康" "'$fuwu' search 社康 --limit 20" \
    >/dev/null

python3 - "$work/cli.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor = results["fuwu --help"]["mean"]
fzf = results["fzf --filter 社康"]["mean"]
print(f"| command | mean ms | ± ms | user ms | ratio | target | met |")
print(f"|---|---:|---:|---:|---:|---|---|")
for name, r in results.items():
    mean = r["mean"]
    if name.startswith("fuwu search"):
        limit = 4 if "--no-body" not in name else 2
        ratio, target = mean / fzf, f"≤ {limit}× fzf"
    elif name.startswith("fuwu") and name != "fuwu --help":
        limit = 3
        ratio, target = mean / floor, "≤ 3× --help"
    else:
        ratio, target, limit = None, "", None
    met = "" if ratio is None else ("yes" if ratio <= limit else "no")
    shown = "" if ratio is None else f"{ratio:.2f}×"
    print(f"| `{name}` | {mean * 1000:.1f} | {r['stddev'] * 1000:.1f} | {r['user'] * 1000:.1f} | {shown} | {target} | {met} |")
PY
echo
python3 Tests/Performance/measure-tui.py "$fuwu" --runs "$runs" --keys 40
