"""The one plotly template and palette every figure uses (Okabe-Ito: safe for colour-blind readers)."""

from __future__ import annotations

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# Okabe & Ito (2008) colours, one per dataset, also used in the CSS legend swatches.
DATASET_COLOURS = {"agreements": "#0072B2", "courses": "#E69F00", "entity_list": "#D55E00",
                   "donations": "#009E73"}
# Bar patterns so datasets never differ by colour alone.
DATASET_PATTERNS = {"agreements": "", "courses": "/", "entity_list": "x", "donations": "."}

# Per-company stacks: the eight Okabe-Ito colours (last one grey for "other"), each with its own pattern.
COMPANY_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999"]
COMPANY_PATTERNS = ["", "/", ".", "x", "\\", "+", "-", "|"]

# Sequential single-hue blues for counts (light = few, dark = many).
COUNT_COLOURSCALE = [[0.0, "#b3d3ea"], [0.25, "#86b9dd"], [0.5, "#4f93c8"], [0.75, "#2166a8"],
                     [1.0, "#08306b"]]

# Context overlays: ordered categories with Okabe-Ito colours.
REGIME_COLOURS = {"closed_autocracy": "#D55E00", "electoral_autocracy": "#E69F00",
                  "electoral_democracy": "#56B4E9", "liberal_democracy": "#0072B2"}
BRI_COLOURS = {"member": "#CC79A7", "former_member": "#F0E442", "none": "#BBBBBB"}

TEMPLATE = {
    "layout": {
        "font": {"family": FONT_FAMILY, "size": 14, "color": "#1a1a1a"},
        "title": {"x": 0.01, "xanchor": "left", "font": {"size": 18}},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "colorway": list(DATASET_COLOURS.values()),
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}},
        "margin": {"l": 10, "r": 10, "t": 70, "b": 70},
    }
}
