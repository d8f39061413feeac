#!/usr/bin/env bash
# Install everything the tests need (Python packages; Debian's chromium if missing) and run the whole suite:
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
