#!/usr/bin/env bash
# Stand-in for Slurm's sbatch in tests: runs the job at once, an array's tasks one after another.
set -euo pipefail
array='' output='/dev/null'
while [[ $# -gt 0 && "$1" == --* ]]; do
  case "$1" in
    --array=*) array="${1#--array=}" ;;
    --output=*) output="${1#--output=}" ;;
  esac
  echo "$1" >> "${FAKE_SBATCH_LOG:-/dev/null}"
  shift
done
script="$1"; shift
id=$((RANDOM + 1000))
if [[ -n "$array" ]]; then
  lo="${array%-*}" hi="${array#*-}"
  for ((t = lo; t <= hi; t++)); do
    SLURM_JOB_ID=$id SLURM_ARRAY_JOB_ID=$id SLURM_ARRAY_TASK_ID=$t SLURM_ARRAY_TASK_COUNT=$((hi - lo + 1)) bash "$script" "$@" > "${output//%a/$t}" 2>&1 || echo "task $t exit $?" >> "${FAKE_SBATCH_LOG:-/dev/null}"
  done
else
  SLURM_JOB_ID=$id bash "$script" "$@" > "$output" 2>&1 || echo "job exit $?" >> "${FAKE_SBATCH_LOG:-/dev/null}"
fi
echo "$id"
