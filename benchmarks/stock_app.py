"""A stock Dash map page for comparison: default dcc.Graph, plotly.express in the callback, default serving.

The only change from the defaults is a local copy of plotly's full world topojson (benchmarks/stock_assets/), without
which no map paints offline at all. (The site's own copy in assets/ is trimmed to what its map draws.)
"""

from pathlib import Path

import plotly.express as px
from dash import Dash, Input, Output, dcc, html

from dashboard.config import read_settings
from dashboard.data import load_atlas

records = load_atlas(read_settings().data_dir).records
app = Dash(__name__, assets_folder=str(Path(__file__).with_name("stock_assets")))
app.layout = html.Div([
    html.H1("Stock map"),
    dcc.Dropdown(id="dataset", options=sorted(records["dataset"].unique()), multi=True, value=[]),
    dcc.Graph(id="map", config={"topojsonURL": "/assets/topojson/"}),
])


@app.callback(Output("map", "figure"), Input("dataset", "value"))
def update(datasets):
    """Stock callback: a plotly.express figure per request."""
    chosen = records[records["dataset"].isin(datasets)] if datasets else records
    counts = chosen.groupby("iso3").size().rename("count").reset_index()
    return px.choropleth(counts, locations="iso3", color="count")


server = app.server
