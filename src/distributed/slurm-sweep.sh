#!/usr/bin/env bash
# A waterloo sweep as a Slurm job array: task I of N runs `waterloo sweep --shard I/N`
# into its own store, and a job that depends on the whole array merges the shard stores.
#
# Usage, on the login node (the output directory must be on a file system the nodes share):
#   src/distributed/slurm-sweep.sh submit --problem thr --n 3..6 --basis b2,u2 --timeout 600
# Environment (all optional):
#   SHARDS       number of array tasks (default 16)
#   OUT          output directory (default results/slurm-<date>-<time>); gets shard-I-of-N.db,
#                merged.db and the Slurm logs
#   SBATCH_ARGS  extra sbatch options for every job, e.g. "--partition=long --time=12:00:00"
#   WATERLOO     the waterloo command (default: `waterloo` on PATH, else node <repo>/dist/cli/main.js)
# Every task gets the same sweep arguments; the shards of one expansion are disjoint and cover
# it, so the merged store holds the same records a single `waterloo sweep` would. A task that
# fails or times out can be resubmitted alone (a sweep skips what its store holds), then merge
# again: `waterloo merge` keeps the better record per instance, so merging twice is harmless.
#
# The modes `shard` and `merge` are what the submitted jobs run; they read SLURM_ARRAY_TASK_ID
# (0-based) and SLURM_ARRAY_TASK_COUNT, and can be run by hand with those variables set.
set -euo pipefail

die() {
  echo "slurm-sweep: $*" >&2
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
    [[ $# -gt 0 ]] || die "give the sweep's arguments: submit --problem FAMILY --n A..B --basis B ..."
    shards="${SHARDS:-16}"
    [[ "$shards" =~ ^[1-9][0-9]*$ ]] || die "SHARDS must be a positive integer, got '$shards'"
    out="${OUT:-results/slurm-$(date +%Y%m%d-%H%M%S)}"
    mkdir -p "$out"
    out="$(cd "$out" && pwd)" # the jobs may start elsewhere
    WATERLOO="$(waterloo_command)"
    export WATERLOO OUT="$out"
    script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
    read -r -a extra <<< "${SBATCH_ARGS:-}"
    array_job="$(sbatch --parsable --job-name=waterloo-sweep --array="0-$((shards - 1))" \
      --output="$out/task-%a.log" "${extra[@]}" "$script" shard "$@")"
    array_job="${array_job%%;*}" # --parsable prints "id" or "id;cluster"
    # afterany, not afterok: a shard with timed-out instances exits 4, and its records still count
    merge_job="$(sbatch --parsable --job-name=waterloo-merge --dependency="afterany:$array_job" \
      --output="$out/merge.log" "${extra[@]}" "$script" merge)"
    echo "submitted array job $array_job ($shards shards) and merge job ${merge_job%%;*}; results in $out/merged.db"
    ;;
  shard)
    [[ -n "${SLURM_ARRAY_TASK_ID:-}" && -n "${SLURM_ARRAY_TASK_COUNT:-}" ]] || die "shard: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT must be set (run by a Slurm job array)"
    [[ -n "${OUT:-}" ]] || die "shard: OUT (the output directory) must be set"
    index=$((SLURM_ARRAY_TASK_ID + 1))
    count="$SLURM_ARRAY_TASK_COUNT"
    read -r -a cmd <<< "${WATERLOO:-$(waterloo_command)}"
    mkdir -p "$OUT"
    # --jobs first, so that a --jobs among the user's arguments overrides it
    status=0
    "${cmd[@]}" sweep --jobs "${SLURM_CPUS_PER_TASK:-1}" "$@" --shard "$index/$count" --store "$OUT/shard-$index-of-$count.db" || status=$?
    # 4 = some instances hit the time limit: their records are stored, the task did its work
    if [[ $status -eq 4 ]]; then status=0; fi
    exit "$status"
    ;;
  merge)
    [[ -n "${OUT:-}" ]] || die "merge: OUT (the output directory) must be set"
    read -r -a cmd <<< "${WATERLOO:-$(waterloo_command)}"
    shopt -s nullglob
    stores=("$OUT"/shard-*-of-*.db)
    [[ ${#stores[@]} -gt 0 ]] || die "merge: no shard stores in $OUT"
    "${cmd[@]}" merge --into "$OUT/merged.db" "${stores[@]}"
    ;;
  *)
    die "usage: $0 submit <waterloo sweep arguments>   (modes shard and merge are run by the submitted jobs)"
    ;;
esac
