#!/usr/bin/env bash
# Set up (if needed) and run the main job on the bundled example article.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/bootstrap.sh run
ckg=".venv/bin/ckg"
out="${CKG_DEMO_OUT:-$root/out}"
mkdir -p "$out"

echo "== The ontology"
"$ckg" ontology --reason
