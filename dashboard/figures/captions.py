"""Self-citing figures: title, filter summary, source line and link drawn inside the figure."""

from __future__ import annotations

from textwrap import wrap


def wrapped(text: str, width: int) -> str:
    """`text` in lines of at most `width` characters, joined by plotly's line break."""
    return "<br>".join(wrap(text, width)) or text


def citation_annotations(summary: str, source_line: str, url: str, source_shift: int = -6,
                         line_chars: int | None = None) -> list[dict]:
    """Annotations for the top and bottom of a figure so a screenshot cites itself.

    `line_chars` wraps the summary and the source line for a narrow figure (figures/narrow.py); by default the
    summary is one line and the source line breaks at 110 characters.
    """
    summary_text = wrapped(summary, line_chars) if line_chars else summary
    return [
        {"text": summary_text, "x": 0, "y": 1.0, "xref": "paper", "yref": "paper", "xanchor": "left",
         "yanchor": "bottom", "yshift": 4, "showarrow": False, "align": "left",
         "font": {"size": 13, "color": "#333333"}, "name": "summary"},
        {"text": "<br>".join([*wrap(source_line, line_chars or 110), url]), "x": 0, "y": 0, "xref": "paper",
         "yref": "paper", "xanchor": "left", "yanchor": "top", "yshift": source_shift, "showarrow": False,
         "align": "left", "font": {"size": 11, "color": "#555555"}, "name": "source"},
    ]
