#!/usr/bin/env bash
# Set up (if needed) and run the main job on the bundled example article:
# ontology check -> article -> graph -> store -> answers of the saved queries -> explorer page.
#
# It prints one line per step as the step starts, then a short summary (`ckg summary`): what
# was read, found and stored, where the page is, three commands to try next. Everything the
# commands print (the ontology, the answers of every saved query) goes to $out/demo.log.
#
#   CKG_DEMO_OUT=DIR   where to write (default: out/)
#   CKG_DEMO_CKG=PATH  a ckg to use as it is (no setup), e.g. the tests' own
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${CKG_DEMO_OUT:-$root/out}"
shown="${out#"$root"/}"  # as the user would type it here
echo "conflict-kg demo, writing to $shown/"
if [ -n "${CKG_DEMO_CKG:-}" ]; then
  ckg="$CKG_DEMO_CKG"
else
  scripts/bootstrap.sh run
  ckg="$root/.venv/bin/ckg"
fi
store="$out/store"
log="$out/demo.log"
mkdir -p "$out"
: >"$log"

started=0
# step N TEXT: say what starts now (the line is finished by `done_step` or `fail`).
step() {
  started=$(date +%s%N)
  printf '[%s/4] %s … ' "$1" "$2"
}
done_step() {
  local ms=$((($(date +%s%N) - started) / 1000000))
  printf '%s (%d.%d s)\n' "$1" $((ms / 1000)) $((ms % 1000 / 100))
}
# run COMMAND...: append the command and all it prints to the log; stop with the log's
# last lines if it fails.
run() {
  printf '\n$ %s\n' "$*" >>"$log"
  if ! "$@" >>"$log" 2>&1; then
    echo "failed"
    echo "The command failed: $*. The end of $log:" >&2
    tail -n 15 "$log" >&2
    exit 1
  fi
}

step 1 "Checking the ontology with the HermiT reasoner"
run "$ckg" ontology --reason
verdict="$(sed -n 's/^ *HermiT *//p' "$log" | head -n 1)"
done_step "${verdict%% (*}"

step 2 "Extracting the example article (the German models load first)"
run "$ckg" extract examples/articles/de/*.txt -o "$out/example.trig"
done_step "example.trig"

step 3 "Storing it (ckg ingest)"
run "$ckg" ingest examples/articles/de --store "$store"
done_step "done"

step 4 "Answering the saved questions, drawing the explorer page"
# Parameters for the questions about one actor or organisation in the example.
declare -A params=(
  [actor-events]="--param actor=id:entity/vladimir-putin"
  [members]="--param org=id:entity/csto"
)
answered=0
for rq in queries/*.rq; do
  name="$(basename "$rq" .rq)"
  # CONSTRUCT queries draw pictures; the explorer below shows them.
  grep -qi '^[[:space:]]*CONSTRUCT' "$rq" && continue
  # shellcheck disable=SC2086
  run "$ckg" query "$name" ${params[$name]:-} --store "$store"
  answered=$((answered + 1))
done
run "$ckg" viz --store "$store" -o "$out/explorer.html"
run "$ckg" viz --store "$store" --query explorer-actor --param actor=id:entity/vladimir-putin \
  --view events -o "$out/explorer-putin.html"
done_step "$answered answers, 2 pages"

echo
"$ckg" summary --store "$store" --page "$out/explorer.html"
echo
echo "Full output, with the saved questions' answers: $shown/demo.log"
