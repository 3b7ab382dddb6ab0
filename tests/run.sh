#!/usr/bin/env bash
# The test command of the README: installs what the tests use (once), then
# runs every test, example, benchmark build and rule example.
#
#   tests/run.sh
#
# System tools: graphviz (dot), raptor2-utils (rapper), fontconfig and a font
# with Arabic glyphs for rendering; Python packages: rdflib and pyoxigraph
# (strict RDF readers). Missing ones are installed with apt-get / pip.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v dot >/dev/null || need_apt+=(graphviz)
command -v rapper >/dev/null || need_apt+=(raptor2-utils)
command -v fc-list >/dev/null || need_apt+=(fontconfig)
fc-list 2>/dev/null | grep -qi "noto sans arabic\|noto naskh" || need_apt+=(fonts-noto-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
python3 -c "import rdflib, pyoxigraph" 2>/dev/null || python3 -m pip install -q -r tests/requirements.txt

export CI="${CI:-1}"
cargo test --release --all-targets
cargo test --release --doc
cargo bench --no-run
