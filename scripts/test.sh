#!/usr/bin/env bash
# Install everything the tests need (Python packages; Debian's chromium, and wrk, if missing) and run the whole suite:
# lint, data validation, unit, page and browser tests. Exits non-zero on any failure, including "no tests".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Debian's chromium is needed for the browser tests: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ]; then
  # The benchmark's load generator (it falls back to Python threads without it).
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
    || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1) \
    || echo "wrk could not be installed: the benchmark uses its Python load generator" >&2
fi
export BROWSER_PATH=/usr/bin/chromium
.venv/bin/ruff check .
.venv/bin/python -m dashboard.data validate
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$status"
