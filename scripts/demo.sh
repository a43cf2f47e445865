#!/usr/bin/env bash
# Set up (if needed) and run the main job on the bundled example article:
# ontology check -> article -> graph -> store -> answers of the saved queries -> explorer page.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/bootstrap.sh run
ckg="$root/.venv/bin/ckg"
out="${CKG_DEMO_OUT:-$root/out}"
store="$out/store"
mkdir -p "$out"

section() { printf '\n== %s\n' "$*"; }

section "The ontology (with a HermiT consistency check)"
"$ckg" ontology --reason

section "Extract the example article into TriG: $out/example.trig"
"$ckg" extract examples/articles/de/*.txt -o "$out/example.trig"

section "Ingest it into the store $store"
"$ckg" ingest examples/articles/de --store "$store"

# Parameters for the questions about one actor or organisation in the example.
declare -A params=(
  [actor-events]="--param actor=id:entity/vladimir-putin"
  [members]="--param org=id:entity/csto"
)
for rq in queries/*.rq; do
  name="$(basename "$rq" .rq)"
  title="$(sed -n 's/^# title: //p' "$rq" | head -n 1)"
  # CONSTRUCT queries draw pictures; the explorer below shows them.
  grep -qi '^[[:space:]]*CONSTRUCT' "$rq" && continue
  section "ckg query $name ${params[$name]:-}  ($title)"
  # shellcheck disable=SC2086
  "$ckg" query "$name" ${params[$name]:-} --store "$store"
done

section "Explorer pages"
"$ckg" viz --store "$store" -o "$out/explorer.html"
"$ckg" viz --store "$store" --query explorer-actor --param actor=id:entity/vladimir-putin \
  --view events -o "$out/explorer-putin.html"
echo "Open $out/explorer.html in a browser (it works offline, no network needed)."
