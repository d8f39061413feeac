"""Self-citing figures: title, filter summary, source line and link drawn inside the figure."""

from __future__ import annotations

from textwrap import wrap


def citation_annotations(summary: str, source_line: str, url: str, source_shift: int = -6) -> list[dict]:
    """Annotations for the bottom of a figure so a screenshot cites itself."""
    return [
        {"text": summary, "x": 0, "y": 1.0, "xref": "paper", "yref": "paper", "xanchor": "left",
         "yanchor": "bottom", "yshift": 4, "showarrow": False, "font": {"size": 13, "color": "#333333"},
         "name": "summary"},
        {"text": "<br>".join([*wrap(source_line, 110), url]), "x": 0, "y": 0, "xref": "paper", "yref": "paper",
         "xanchor": "left", "yanchor": "top", "yshift": source_shift, "showarrow": False, "align": "left",
         "font": {"size": 11, "color": "#555555"}, "name": "source"},
    ]
