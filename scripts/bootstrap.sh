#!/usr/bin/env bash
# Set up everything conflict-kg needs on a fresh machine; safe to run again.
#
#   scripts/bootstrap.sh run    # runtime: .venv with the package, a Java runtime for HermiT
#   scripts/bootstrap.sh test   # also the dev tools, Chromium (explorer tests), Virtuoso,
#                               # the OWL API and a JDK (ontology profile test)
#
# Only Python >= 3.11 and the OS package manager (apt) are assumed. Nothing is fetched at
# run time; this script is the one place that installs.
set -euo pipefail
mode="${1:-run}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '[setup] %s\n' "$*" >&2; }

python=""
for p in python3 python3.13 python3.12 python3.11; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$p"; break
  fi
done
[ -n "$python" ] || { echo "setup: Python 3.11 or newer is needed (apt-get install python3)" >&2; exit 1; }

# --- OS packages -------------------------------------------------------------------
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ "$mode" = test ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
  # the OWL 2 DL profile test runs the OWL API from a Java source file (needs a JDK)
  [ -f /usr/share/java/owlapi-distribution.jar ] || need+=(libowlapi-java)
  command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
fi
"$python" -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
if [ "${#need[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  command -v apt-get >/dev/null 2>&1 || { echo "setup: please install: ${need[*]}" >&2; exit 1; }
  say "installing OS packages: ${need[*]}"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# --- Python environment ------------------------------------------------------------
[ -x .venv/bin/python ] || { say "creating .venv"; "$python" -m venv .venv; }
extras=""
[ "$mode" = test ] && extras="[dev]"
stamp=".venv/.ckg-installed${extras:+-dev}"
hash="$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
  say "installing conflict-kg${extras} into .venv (log: .venv/install.log)"
  if ! { .venv/bin/python -m pip install --upgrade pip &&
         .venv/bin/python -m pip install -e ".${extras}"; } >.venv/install.log 2>&1; then
    tail -n 30 .venv/install.log >&2
    echo "setup: installing the Python packages failed; the full log is .venv/install.log" >&2
    exit 1
  fi
  echo "$hash" > "$stamp"
fi
