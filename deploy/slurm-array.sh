#!/usr/bin/env bash
# Renders a whole folder of résumés as a Slurm job array: task K of the array runs
# `cvpress batch --shard K/N`, a stable share of the inputs (by hash of each input path),
# so the N tasks together render every input exactly once. A requeued task skips the
# outputs it already finished (incremental hashes beside the PDFs).
#
#   sbatch deploy/slurm-array.sh            # INPUT_DIR, OUTPUT_DIR may be set in the environment
#
# Keep the array size (--array=0-3 is 4 tasks) and N equal; N defaults to the array's size.
#SBATCH --job-name=cvpress-batch
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=01:00:00
#SBATCH --signal=TERM@60
set -euo pipefail

: "${SLURM_ARRAY_TASK_ID:?run this with sbatch (it sets SLURM_ARRAY_TASK_ID)}"
tasks="${SLURM_ARRAY_TASK_COUNT:-4}"
cvpress="${CVPRESS:-cvpress}"
input_dir="${INPUT_DIR:-$PWD/resumes}"
output_dir="${OUTPUT_DIR:-$PWD/pdf}"
report_dir="${REPORT_DIR:-$PWD/reports}"
mkdir -p "$output_dir" "$report_dir"

exec "$cvpress" batch "$input_dir" --out-dir "$output_dir" \
  -j "${SLURM_CPUS_PER_TASK:-2}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${tasks}" \
  --report "$report_dir/shard-${SLURM_ARRAY_TASK_ID}.jsonl"
