"""Settings from the environment: every environment variable is read here and nowhere else."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    """Process-wide settings, read once at start-up."""

    data_dir: Path = PROJECT_ROOT / "data"
    assets_dir: Path = PROJECT_ROOT / "assets"
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32), repr=False)
    site_url: str = "http://127.0.0.1:8050"
    embed_allowed_origins: tuple[str, ...] = ()
    max_body_bytes: int = 64 * 1024
    callback_cache_entries: int = 512  # responses replayed per worker for repeated callback bodies; 0 = off


def read_settings(environ: dict[str, str] | None = None) -> Settings:
    """Build Settings from environment variables (ATLAS_*).

    Debug mode is deliberately not a setting: production never runs with it, whatever DASH_DEBUG says
    (see dashboard.app_factory); only `python -m dashboard.dev` turns it on.
    """
    env = os.environ if environ is None else environ
    defaults = Settings()
    origins = tuple(o for o in env.get("ATLAS_EMBED_ORIGINS", "").split() if o.startswith(("https://", "http://")))
    return Settings(
        data_dir=Path(env.get("ATLAS_DATA_DIR", defaults.data_dir)),
        assets_dir=defaults.assets_dir,
        secret_key=env.get("ATLAS_SECRET_KEY") or defaults.secret_key,
        site_url=env.get("ATLAS_SITE_URL", defaults.site_url).rstrip("/"),
        embed_allowed_origins=origins,
        callback_cache_entries=_non_negative_int(env.get("ATLAS_CALLBACK_CACHE_ENTRIES"),
                                                 defaults.callback_cache_entries),
    )


def _non_negative_int(text: str | None, default: int) -> int:
    """An integer setting; a missing or malformed value keeps the default rather than stopping the server."""
    try:
        return max(0, int(text)) if text is not None else default
    except ValueError:
        return default
