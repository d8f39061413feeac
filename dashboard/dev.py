"""Local development server with Dash's debug tools: `python -m dashboard.dev` (never used in production)."""

from __future__ import annotations

from dashboard import create_app

if __name__ == "__main__":
    # dev_tools_disable_version_check: debug mode otherwise phones home for a version check (STACK-NOTES 4).
    create_app().run(host="127.0.0.1", port=8050, debug=True, dev_tools_disable_version_check=True)
