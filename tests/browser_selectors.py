"""CSS selectors the browser tests share: what plotly draws for the map page's graph."""

SHAPES = "#home-map .choroplethlocation"  # every country path (coloured or the grey rest)
# Countries coloured by the view: the first choropleth trace is the grey background (figures/world_map.py).
COLOURED = "#home-map .choroplethlayer > .trace:not(:first-child) .choroplethlocation"
