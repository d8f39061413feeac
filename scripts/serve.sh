#!/usr/bin/env bash
# Install and serve the dashboard on the shipped data at http://127.0.0.1:8050 (production gunicorn config).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/gunicorn app:server
