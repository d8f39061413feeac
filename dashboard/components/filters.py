"""The filter panel the map, timeline and table share; its IDs derive from a page prefix."""

from __future__ import annotations

from dataclasses import dataclass

from dash import Input, dcc, html

from dashboard.components.site import Site
from dashboard.viewstate import BRI_LABELS, CONFIDENCE_LABELS, DATASET_LABELS, REGIME_LABELS, ViewState


@dataclass(frozen=True)
class FilterIds:
    """Component IDs of one page's filter panel (e.g. prefix "home" -> "home-datasets")."""

    prefix: str

    @property
    def panel(self) -> str:
        """The panel itself: the phone layout's "Filters" link points here."""
        return f"{self.prefix}-filters"

    def __getattr__(self, name: str) -> str:  # only called for names not set on the dataclass
        if name in FILTER_CONTROLS:
            return f"{self.prefix}-{name.replace('_', '-')}"
        raise AttributeError(name)


FILTER_CONTROLS = ("datasets", "companies", "years", "regions", "regimes", "bri", "tags", "confidences", "reset")


def filters_link(ids: FilterIds) -> html.A:
    """On a phone the chart comes first and the panel after it (style.css); this link, shown there only, jumps."""
    return html.A("Filters \u2193", href=f"#{ids.panel}", className="filters-link")


def filter_panel(ids: FilterIds, state: ViewState, site: Site) -> html.Section:
    """Every shared filter, initialised from the view state."""
    options = site.options
    first, last = state.years or (options.year_min, options.year_max)
    return html.Section(id=ids.panel, className="filters", **{"aria-label": "Filters"}, children=[
        html.H2("Filters", className="visually-hidden"),
        html.Fieldset([html.Legend("Datasets"), dcc.Checklist(
            id=ids.datasets, value=list(state.datasets), className="checklist",
            options=[{"label": DATASET_LABELS[d], "value": d} for d in options.datasets])]),
        html.Label(["Company", dcc.Dropdown(
            id=ids.companies, multi=True, value=list(state.companies), placeholder="Any company",
            options=[{"label": site.company_names.get(c, c), "value": c} for c in options.companies])]),
        html.Label(["Years", dcc.RangeSlider(
            id=ids.years, min=options.year_min, max=options.year_max, step=1, value=[first, last],
            marks={y: str(y) for y in range(options.year_min - options.year_min % 5 + 5, options.year_max + 1, 5)},
            allowCross=False, tooltip={"placement": "bottom", "always_visible": False})]),
        html.Label(["Region", dcc.Dropdown(
            id=ids.regions, multi=True, value=list(state.regions), placeholder="Any region",
            options=[{"label": r, "value": r} for r in options.regions])]),
        html.Label(["Regime type (V-Dem)", dcc.Dropdown(
            id=ids.regimes, multi=True, value=list(state.regimes), placeholder="Any regime",
            options=[{"label": REGIME_LABELS[r], "value": r} for r in options.regimes])]),
        html.Fieldset([html.Legend("BRI MoU"), dcc.RadioItems(
            id=ids.bri, value=state.bri or "", className="radio",
            options=[{"label": "Any", "value": ""}] + [{"label": v, "value": k} for k, v in BRI_LABELS.items()])]),
        html.Label(["Technology", dcc.Dropdown(
            id=ids.tags, multi=True, value=list(state.tags), placeholder="Any technology",
            options=[{"label": t.replace("_", " "), "value": t} for t in options.tags])]),
        html.Fieldset([html.Legend("Confidence"), dcc.Checklist(
            id=ids.confidences, value=list(state.confidences), className="checklist",
            options=[{"label": v, "value": k} for k, v in CONFIDENCE_LABELS.items()])]),
        html.Button("Reset filters", id=ids.reset, className="button-secondary", n_clicks=0),
    ])


def filter_inputs(ids: FilterIds) -> dict[str, Input]:
    """Callback inputs for every filter, keyed as state_from_controls() expects."""
    return {name: Input(getattr(ids, name), "value") for name in FILTER_CONTROLS if name != "reset"}


def default_filter_values(site: Site) -> list:
    """The control values of the default view, in filter_inputs() order (for the reset button)."""
    return [[], [], [site.options.year_min, site.options.year_max], [], [], "", [], []]
