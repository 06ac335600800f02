#!/usr/bin/env bash
# Keystroke cost in long text fields, from the browser's own event log (FUWU_EVENT_TIMES):
# pastes into "我在" (100 × 福, then 200 × a past the limit) and into the find box (200 × a),
# one character at a time, as a terminal delivers a paste. Prints, per paste, the keystrokes'
# processor and wall-clock milliseconds (median, p95, max) beside the 50 ms budget.
#
# Usage: Tests/Performance/measure-long-fields.sh BINARY   (the catalogue must be compiled:
# run `BINARY build` first). Needs tmux. Not a test: numbers only.
set -euo pipefail
binary=${1:?usage: $0 BINARY}
log=$(mktemp); socket="fuwu-measure-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -f "$log"' EXIT
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 \
    "env LANG=C.UTF-8 TERM=xterm-256color FUWU_EVENT_TIMES=$log $binary; sleep 600"
wait_for() {  # a pattern in the log, polled
    for _ in $(seq 600); do grep -q "$1" "$log" 2>/dev/null && return; sleep 0.05; done
    echo "timed out waiting for $1" >&2; exit 1
}
lines() { wc -l < "$log"; }
settle() {  # until the log has $1 lines
    for _ in $(seq 6000); do [ "$(lines)" -ge "$1" ] && return; sleep 0.05; done
    echo "timed out: $(lines) of $1 events" >&2; exit 1
}
report() {  # name, first line, last line
    sed -n "$2,$3p" "$log" | awk -v name="$1" '
        { p[NR] = $3; w[NR] = $2 }
        function q(a, n, f,   i, j, t) { for (i = 1; i <= n; i++) s[i] = a[i]
            for (i = 2; i <= n; i++) { t = s[i]; for (j = i - 1; j > 0 && s[j] > t; j--) s[j + 1] = s[j]; s[j + 1] = t }
            return s[int((n - 1) * f) + 1] }
        END { printf "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | < 50 |\n", name, NR,
              q(p, NR, 0.5), q(p, NR, 0.95), q(p, NR, 1), q(w, NR, 0.5), q(w, NR, 1) }'
}
wait_for '^warm'
echo "| paste | keys | processor median ms | p95 | max | wall median ms | wall max | budget |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
n=$(lines); tmux -L "$socket" send-keys w; settle $(( n + 1 ))
start=$(( $(lines) + 1 )); tmux -L "$socket" send-keys -l -- "$(printf '福%.0s' $(seq 100))"; settle $(( start + 99 ))
report "我在: 100 × 福 (1st to 100th character)" "$start" $(( start + 99 ))
start=$(( $(lines) + 1 )); tmux -L "$socket" send-keys -l -- "$(printf 'a%.0s' $(seq 200))"; settle $(( start + 199 ))
report "我在: 200 × a past the 100 limit" "$start" $(( start + 199 ))
n=$(lines); tmux -L "$socket" send-keys Escape; settle $(( n + 1 ))
n=$(lines); tmux -L "$socket" send-keys /; settle $(( n + 1 ))
start=$(( $(lines) + 1 )); tmux -L "$socket" send-keys -l -- "$(printf 'a%.0s' $(seq 200))"; settle $(( start + 199 ))
report "find: 200 × a (1st to 200th character)" "$start" $(( start + 199 ))
