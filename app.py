"""WSGI entry point: `gunicorn app:server` (config in gunicorn.conf.py)."""

from dashboard import create_app

app = create_app()
server = app.server

# Finish Dash's first-request setup before gunicorn forks workers: with threaded workers a request racing the
# setup can get "Callback function not found" (STACK-NOTES 6.2).
with server.test_client() as client:
    client.get("/")
