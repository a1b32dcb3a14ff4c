#!/usr/bin/env bash
# Installs what cvpress needs on Debian 12 (as root; uses sudo otherwise), then
# configures and builds it in build/. Safe to run again: it installs only what is
# missing and rebuilds only what changed. With CI set, warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # libraries (DESIGN §2)
  libmd4c-dev libmd4c-html0-dev libgumbo-dev libyaml-cpp-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev
  libicu-dev libhyphen-dev libhpdf-dev zlib1g-dev libcli11-dev libfmt-dev doctest-dev libbenchmark-dev
  # fonts beyond the bundled ones: CJK and other scripts (DESIGN §5)
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core fontconfig
  # hyphenation dictionaries for libhyphen (DESIGN §2), by document language
  hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr hyphen-es hyphen-ru hyphen-pt-pt hyphen-pt-br hyphen-it
  hyphen-nl
  # tests only: a name-keyed CFF font (Inter)
  fonts-inter
  # tests: PDF structure, fonts and text checks, test-font building, a non-C locale
  qpdf poppler-utils python3 python3-fonttools locales
  # tests: an independent reading of Markdown + HTML for the nothing-lost check
  python3-markdown-it python3-mdit-py-plugins
  # tests: the deploy/ examples parse as YAML; bench: peak RSS (/usr/bin/time -v)
  python3-yaml time
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A locale with a decimal comma, so tests can prove output does not depend on it.
if ! locale -a 2>/dev/null | grep -qi '^de_DE.utf8$'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
  $sudo locale-gen >/dev/null
fi

preset=dev
[ -n "${CI:-}" ] && preset=ci
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
