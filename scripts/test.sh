#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite: lint, format, types, tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/bootstrap.sh test
export PATH="$root/.venv/bin:$PATH"
# the Dask cluster test (tests/test_cluster.py) needs the [cluster] extra
python -c 'import distributed' 2>/dev/null ||
  python -m pip install -q -e ".[cluster]" >>.venv/install.log 2>&1 ||
  { echo "test: installing the [cluster] extra failed (.venv/install.log)" >&2; exit 1; }
echo "== ruff check";  ruff check .
echo "== ruff format"; ruff format --check .
echo "== mypy";        mypy
echo "== pytest"
set +e
pytest "$@"
rc=$?
set -e
[ "$rc" -eq 5 ] && { echo "pytest collected no tests" >&2; exit 1; }
exit "$rc"
