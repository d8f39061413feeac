"""Figure builders: plain plotly figure dicts (no plotly.express), one shared template."""
