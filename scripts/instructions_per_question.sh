#!/bin/bash
# Instructions of one rank() per question, slowest first (callgrind: steady where wall time is not).
#
#   cargo build --release --example rankloop
#   scripts/instructions_per_question.sh [BASE] [RANKLOOP]    # BASE: real, 1000 (default 10000)
#
# Runs every question of the benchmarks' mix twice under callgrind, with a dump after each rank(),
# and prints the second run's count for each (the first pays for sizing the scratch buffers).
# Compare two versions by running it with each one's rankloop binary. About a minute at 10,000.
set -euo pipefail
base=${1:-10000}
bin=${2:-target/release/examples/rankloop}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
RANKLOOP_LIST=1 "$bin" "$base" 0 2>/dev/null > "$dir/questions"
n=$(wc -l < "$dir/questions")
valgrind --tool=callgrind --callgrind-out-file="$dir/cg" \
    --toggle-collect='attache::answer::rank' --dump-after='attache::answer::rank' \
    "$bin" "$base" 2 > /dev/null 2>&1
for i in $(seq 1 "$n"); do
    printf '%s\t%s\n' "$(awk '/^(summary|totals):/ {print $2; exit}' "$dir/cg.$((n + i))")" \
        "$(sed -n "${i}p" "$dir/questions")"
done | sort -rn
