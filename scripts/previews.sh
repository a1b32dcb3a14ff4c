#!/usr/bin/env bash
# Renders page 1 of samples/lovelace.en-US.md in every layout to docs/layouts/LAYOUT.png
# (small previews for the README). Needs a built cvpress (scripts/setup.sh) and pdftoppm.
set -euo pipefail
cd "$(dirname "$0")/.."
cvpress=${CVPRESS:-build/cvpress}
out=docs/layouts
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for layout_file in layouts/*.yaml; do
  layout=$(basename "$layout_file" .yaml)
  "$cvpress" render samples/lovelace.en-US.md --layout "$layout" -o "$tmp/$layout.pdf"
  # 50 dpi: a page-1 thumbnail of about 410 x 550 pixels.
  pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$tmp/$layout.pdf" "$out/$layout"
  echo "$out/$layout.png"
done
