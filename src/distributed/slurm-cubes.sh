#!/usr/bin/env bash
# One size query of `waterloo min --cubes` as a Slurm job array: task I of K runs
# `waterloo min SPEC --cubes N --size S --shard I/K --checkpoint OUT/shard-I-of-K.json`, and a job
# that depends on the whole array combines the shard files into OUT/combined.json
# (`waterloo min SPEC --cubes N --size S --combine OUT/shard-*-of-K.json --json`).
#
# Usage, on the login node (the output directory must be on a file system the nodes share):
#   src/distributed/slurm-cubes.sh submit --problem maj:5 --cubes 256 --size 8 --timeout 3600
# Environment (all optional):
#   SHARDS       number of array tasks (default 16)
#   OUT          output directory (default results/slurm-cubes-<date>-<time>); gets shard-I-of-K.json,
#                combined.json and the Slurm logs
#   SBATCH_ARGS  extra sbatch options for every job, e.g. "--partition=long --time=12:00:00"
#   WATERLOO     the waterloo command (default: `waterloo` on PATH, else node <repo>/dist/cli/main.js)
# Every task gets the same arguments; the shards of one split are disjoint and cover it, so the
# combined answer is the one a single `waterloo min --cubes N` gives for that size: SAT as soon as
# one shard found a circuit (re-simulated when combined), UNSAT only when every cube's certificate
# entry is there, else "incomplete" (exit 4). A task that failed or ran out of time can be
# resubmitted alone (a shard skips the cubes its file holds), then combine again.
#
# The modes `shard` and `combine` are what the submitted jobs run; they read SLURM_ARRAY_TASK_ID
# (0-based) and SLURM_ARRAY_TASK_COUNT, and can be run by hand with those variables set.
set -euo pipefail

die() {
  echo "slurm-cubes: $*" >&2
  exit 2
}

waterloo_command() {
  if [[ -n "${WATERLOO:-}" ]]; then
    echo "$WATERLOO"
  elif command -v waterloo > /dev/null 2>&1; then
    command -v waterloo
  else
    # sbatch runs a copy of this script from its spool directory, so resolve the repository now
    local root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    [[ -f "$root/dist/cli/main.js" ]] || die "no waterloo on PATH and no $root/dist/cli/main.js (run npm run build, or set WATERLOO)"
    echo "node $root/dist/cli/main.js"
  fi
}

mode="${1:-}"
[[ $# -gt 0 ]] && shift
case "$mode" in
  submit)
    [[ $# -gt 0 ]] || die "give min's arguments: submit SPEC --cubes N --size S [--timeout T] ..."
    [[ " $* " == *" --cubes "* && " $* " == *" --size "* ]] || die "submit needs --cubes N and --size S among min's arguments"
    shards="${SHARDS:-16}"
    [[ "$shards" =~ ^[1-9][0-9]*$ ]] || die "SHARDS must be a positive integer, got '$shards'"
    out="${OUT:-results/slurm-cubes-$(date +%Y%m%d-%H%M%S)}"
    mkdir -p "$out"
    out="$(cd "$out" && pwd)" # the jobs may start elsewhere
    WATERLOO="$(waterloo_command)"
    export WATERLOO OUT="$out"
    script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
    read -r -a extra <<< "${SBATCH_ARGS:-}"
    array_job="$(sbatch --parsable --job-name=waterloo-cubes --array="0-$((shards - 1))" \
      --output="$out/task-%a.log" "${extra[@]}" "$script" shard "$@")"
    array_job="${array_job%%;*}" # --parsable prints "id" or "id;cluster"
    # afterany, not afterok: a shard stopped by its limit exits 4, and its finished cubes still count
    combine_job="$(sbatch --parsable --job-name=waterloo-cubes-combine --dependency="afterany:$array_job" \
      --output="$out/combine.log" "${extra[@]}" "$script" combine "$shards" "$@")"
    echo "submitted array job $array_job ($shards shards) and combine job ${combine_job%%;*}; answer in $out/combined.json"
    ;;
  shard)
    [[ -n "${SLURM_ARRAY_TASK_ID:-}" && -n "${SLURM_ARRAY_TASK_COUNT:-}" ]] || die "shard: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT must be set (run by a Slurm job array)"
    [[ -n "${OUT:-}" ]] || die "shard: OUT (the output directory) must be set"
    index=$((SLURM_ARRAY_TASK_ID + 1))
    count="$SLURM_ARRAY_TASK_COUNT"
    read -r -a cmd <<< "${WATERLOO:-$(waterloo_command)}"
    mkdir -p "$OUT"
    # --workers first, so that a --workers among the user's arguments overrides it
    status=0
    "${cmd[@]}" min --workers "${SLURM_CPUS_PER_TASK:-1}" "$@" --shard "$index/$count" --checkpoint "$OUT/shard-$index-of-$count.json" --json || status=$?
    # 4 = stopped by the time limit: its finished cubes are recorded, combine says what is missing
    if [[ $status -eq 4 ]]; then status=0; fi
    exit "$status"
    ;;
  combine)
    [[ -n "${OUT:-}" ]] || die "combine: OUT (the output directory) must be set"
    count="${1:-}"
    [[ "$count" =~ ^[1-9][0-9]*$ ]] || die "combine: the first argument is the number of shards"
    shift
    read -r -a cmd <<< "${WATERLOO:-$(waterloo_command)}"
    shopt -s nullglob
    files=("$OUT"/shard-*-of-"$count".json)
    [[ ${#files[@]} -gt 0 ]] || die "combine: no shard files in $OUT"
    args=()
    for f in "${files[@]}"; do args+=(--combine "$f"); done
    status=0
    "${cmd[@]}" min "$@" "${args[@]}" --json > "$OUT/combined.json" || status=$?
    cat "$OUT/combined.json"
    # 0 SAT and 1 UNSAT are answers; 4 (incomplete) and errors are not
    if [[ $status -eq 1 ]]; then status=0; fi
    exit "$status"
    ;;
  *)
    die "usage: $0 submit <waterloo min arguments with --cubes N --size S>   (modes shard and combine are run by the submitted jobs)"
    ;;
esac
