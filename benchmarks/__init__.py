"""Benchmarks: `python -m benchmarks [--quick]` measures the real gunicorn server beside a stock Dash page."""
