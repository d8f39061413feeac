"""WSGI entry point: `gunicorn app:server` (config in gunicorn.conf.py)."""

from dashboard import create_app

app = create_app()
server = app.server
