#!/usr/bin/env bash
# Rebuild dashboard/static/plotly-atlas.min.js: plotly.js with only the traces the site draws (choropleth,
# scattergeo, bar). Same plotly.js version as the plotly wheel; needs node and npm. Commit the output.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-"$here/.venv/bin/python"}
version=$("$python" -c "import plotly.offline as o; print(o.get_plotlyjs_version())")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/scripts/plotly-bundle/entry.js" "$work/"
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "plotly.js@$version" esbuild >/dev/null
# CSS imports are dropped: the only one is maplibre's, for map traces we do not include.
npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --define:global=window \
  "--define:define.amd=false" --target=es2016 --alias:stream=stream-browserify --loader:.css=empty \
  --outfile="$here/dashboard/static/plotly-atlas.min.js"
# plotly.js's default topojsonURL is a CDN: make the default our own copy too (graphs also set it via config).
sed -i 's#https://cdn.plot.ly/un/#/assets/topojson/#' "$here/dashboard/static/plotly-atlas.min.js"
echo "$version" > "$here/dashboard/static/PLOTLY_VERSION"
