#!/usr/bin/env bash
# Re-extract the world topojson that matches the plotly.js bundled with the installed plotly wheel.
# plotly.js fetches it from a CDN by default; we serve it from assets/ instead (STACK-NOTES §1).
# Needs node and npm; run after every plotly upgrade, then commit assets/topojson/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-"$here/.venv/bin/python"}
version=$("$python" -c "import plotly.offline as o; print(o.get_plotlyjs_version())")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "plotly.js@$version" >/dev/null
tar xzf "plotly.js-$version.tgz"
# Never load plotly-geo-assets.js in the page: it replaces window.Plotly. We only read its data here.
node -e "global.window={}; const m=require('./package/dist/plotly-geo-assets.js');
  require('fs').writeFileSync('$here/assets/topojson/world_110m.json', JSON.stringify(m.topojson.world_110m))"
# The stock page in the benchmark draws plotly's default layers: it keeps the full file.
cp "$here/assets/topojson/world_110m.json" "$here/benchmarks/stock_assets/topojson/world_110m.json"
"$python" "$here/scripts/trim_topojson.py" "$here/assets/topojson/world_110m.json"
echo "$version" > "$here/assets/topojson/VERSION"
echo "assets/topojson/world_110m.json now matches plotly.js $version"
