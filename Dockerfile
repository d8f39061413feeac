# Safe City Atlas: the same steps as the README's run command, in a slim image, as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    ATLAS_BIND=0.0.0.0:8050 BROWSER_PATH=/usr/bin/chromium
WORKDIR /app

# Debian's chromium renders server-side image exports (/export/...) through kaleido.
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml requirements.lock README.md ./
COPY dashboard/ dashboard/
RUN python -m pip install --upgrade pip && python -m pip install -c requirements.lock .

COPY app.py gunicorn.conf.py ./
COPY assets/ assets/
COPY data/ data/

RUN useradd --create-home --uid 10001 atlas && chown -R atlas /app
USER atlas

EXPOSE 8050
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8050/healthz', timeout=4).status != 200)"
# Debug is never on in the image (no DASH_DEBUG); the secret key comes from ATLAS_SECRET_KEY at run time.
CMD ["gunicorn", "app:server"]
