"""Timeline: records per year, stacked by dataset, with Entity List listing dates marked."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.captions import citation_annotations
from dashboard.figures.narrow import CAPTION_CHARS, narrow_margins, narrow_spec, narrow_title
from dashboard.figures.template import COMPANY_COLOURS, COMPANY_PATTERNS, DATASET_COLOURS, DATASET_PATTERNS, TEMPLATE
from dashboard.viewstate import DATASET_LABELS

LEGEND_ROW = 19  # px per legend entry at 12 px type, as plotly stacks them


def make_timeline(by_year: pd.DataFrame, *, title: str, summary: str, source_line: str, url: str,
                  listings: list[tuple[str, str]] = ()) -> dict:
    """Stacked bars of `by_year` (years x datasets); `listings` are (YYYY-MM-DD, label) markers."""
    years = list(by_year.index)  # "2014", ..., "no date" on a category axis
    traces = []
    for i, column in enumerate(by_year.columns):
        # Columns are datasets (default) or company names (per-vendor view): colour and pattern either way.
        label = DATASET_LABELS.get(column, column)
        colour = DATASET_COLOURS.get(column, COMPANY_COLOURS[i % len(COMPANY_COLOURS)])
        pattern = DATASET_PATTERNS.get(column, COMPANY_PATTERNS[i % len(COMPANY_PATTERNS)])
        traces.append({
            "type": "bar", "name": label, "x": years, "y": [int(v) for v in by_year[column]],
            "marker": {"color": colour, "pattern": {"shape": pattern}, "line": {"color": "#ffffff", "width": 0.5}},
            "hovertemplate": "%{x}: %{y} records — " + label + "<extra></extra>",
        })
    highest = int(by_year.sum(axis=1).max()) if len(by_year) else 0
    # Every step-th category counted back from the last one ("no date" or the latest year), so that neither
    # has a labelled neighbour: at most ~8 labels, which stay apart even beside the per-company legend.
    labelled = _every_nth_back(years, 8)
    shapes, labels = [], []
    for i, (date, label) in enumerate(listings):
        if date[:4] not in years:
            continue
        # On a category axis each year is one unit wide, centred on its index; place the line by month.
        position = years.index(date[:4]) - 0.5 + (int(date[5:7]) - 0.5) / 12
        shapes.append({"type": "line", "x0": position, "x1": position, "y0": 0, "y1": 1, "xref": "x",
                       "yref": "paper", "line": {"color": "#000000", "width": 1.5, "dash": "dot"}})
        labels.append({"x": position, "y": 1 - 0.07 * (i % 4), "xref": "x", "yref": "paper", "text": label,
                       "showarrow": False, "xanchor": "left", "font": {"size": 11}, "bgcolor": "#ffffffcc"})
    return {
        "data": traces,
        "layout": {
            "template": TEMPLATE, "title": {"text": title}, "barmode": "stack", "height": 460,
            # No x-axis title: the categories are plainly years (and "no date"), and a title there would sit
            # where the source line goes, which must stay legible in screenshots and slides. Labels stay level
            # (`labelled`, thinned above): rotated labels grow downwards into the source line.
            "xaxis": {"type": "category", "categoryorder": "array", "categoryarray": years, "tickangle": 0,
                      "tickmode": "array", "tickvals": labelled},
            # Whole records: below ~10 plotly would tick 0.5 or 0.2 steps.
            "yaxis": {"title": {"text": "Records"}, "rangemode": "tozero",
                      **({"tick0": 0, "dtick": 1} if highest <= 10 else {})},
            "legend": {"orientation": "v", "x": 1.02, "y": 1, "xanchor": "left"},
            "shapes": shapes,
            "annotations": labels + citation_annotations(summary, source_line, url, source_shift=-40),
            "margin": {"l": 50, "r": 10, "t": 80, "b": 120},
            "meta": {"kind": "timeline", "narrow": _narrow_timeline(title, summary, source_line, url, labels, years,
                                                                       len(traces))},
        },
    }


def _every_nth_back(years: list[str], most: int) -> list[str]:
    """At most `most` categories, every n-th counted back from the last one."""
    step = max(1, -(-len(years) // most))  # ceiling division; an empty view has no years
    return years[::-1][::step][::-1]


def _narrow_timeline(title: str, summary: str, source_line: str, url: str, listing_labels: list[dict],
                     years: list[str], entries: int) -> dict:
    """The timeline on a phone (figures/narrow.py): wrapped texts, five year labels, a one-column legend.

    The legend sits between the summary and the plot: at the side it took half the width; inside the plot it hid
    bars.
    """
    heading = narrow_title(title)
    captions = citation_annotations(summary, source_line, url, source_shift=-40, line_chars=CAPTION_CHARS)
    legend_height = LEGEND_ROW * entries + 6
    captions[0]["yshift"] += legend_height
    return narrow_spec({
        "title": heading, "height": 420 + legend_height, "annotations": listing_labels + captions,
        "margin": {"l": 45, "r": 25, **narrow_margins(heading, captions, above_plot=legend_height)},
        "xaxis": {"tickvals": _every_nth_back(years, 5)},
        "legend": {"orientation": "v", "x": 0, "y": 1, "xanchor": "left", "yanchor": "bottom", "font": {"size": 12},
                   "traceorder": "normal"},
    })
