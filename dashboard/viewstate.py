"""View state <-> URL query string: parse, validate and serialise the filters every page shares.

Parameter names are short and stable because they appear in shared links:
    ds=agreements,donations   datasets          co=huawei,zte      companies (vendor / donor / listed entity)
    y=2014-2019               year range        r=Africa,Europe    regions (continent)
    rt=closed_autocracy       regime (V-Dem)    bri=member|none    BRI MoU membership
    tag=cameras               technology tags   conf=high,medium   confidence
    view=map|table            home view         ov=regime|bri      context overlay on the map
    c=KEN                     selected country  by=company         timeline stacked per company
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

from dashboard.tablestate import TABLE_PARAMS

DATASET_LABELS = {"agreements": "Safe/smart-city agreements", "courses": "Training courses",
                  "entity_list": "Entity List entries", "donations": "Covid-era donations"}
REGIME_LABELS = {"closed_autocracy": "Closed autocracy", "electoral_autocracy": "Electoral autocracy",
                 "electoral_democracy": "Electoral democracy", "liberal_democracy": "Liberal democracy"}
BRI_LABELS = {"member": "BRI MoU signatory", "none": "No BRI MoU"}
CONFIDENCE_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}
VIEWS = ("map", "table")
OVERLAYS = ("none", "regime", "bri")
STACKS = ("dataset", "company")
MAX_LIST_ITEMS = 50  # longer lists in a URL are not a view anyone made by hand


@dataclass(frozen=True)
class FilterOptions:
    """The values each filter may take, derived once from the data."""

    datasets: tuple[str, ...]
    companies: tuple[str, ...]
    regions: tuple[str, ...]
    tags: tuple[str, ...]
    year_min: int
    year_max: int
    regimes: tuple[str, ...] = tuple(REGIME_LABELS)
    confidences: tuple[str, ...] = tuple(CONFIDENCE_LABELS)
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link reproduces. Empty tuples mean "no restriction"."""

    datasets: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    regions: tuple[str, ...] = ()
    regimes: tuple[str, ...] = ()
    bri: str | None = None
    tags: tuple[str, ...] = ()
    confidences: tuple[str, ...] = ()
    view: str = "map"
    overlay: str = "none"
    country: str | None = None
    stack: str = "dataset"
    notices: tuple[str, ...] = field(default=(), compare=False)

    def with_changes(self, **changes) -> ViewState:
        """A copy with some fields replaced."""
        return replace(self, **changes)


def _parse_list(name: str, raw: str, allowed: tuple[str, ...], notices: list[str]) -> tuple[str, ...]:
    items = [item.strip() for item in raw.split(",") if item.strip()][:MAX_LIST_ITEMS]
    known = tuple(dict.fromkeys(item for item in items if item in allowed))
    unknown = [item for item in items if item not in allowed]
    if unknown:
        notices.append(f"Ignored unknown value{'s' if len(unknown) > 1 else ''} for '{name}': "
                       f"{', '.join(repr(u[:40]) for u in unknown[:5])}.")
    return known


def _parse_years(raw: str, options: FilterOptions, notices: list[str]) -> tuple[int, int] | None:
    # ?y=2014-2019 -> (2014, 2019); ?y=2016 -> (2016, 2016)
    start, _, end = raw.partition("-")
    end = end or start
    if not (start.isdigit() and end.isdigit() and len(start) == 4 and len(end) == 4):
        notices.append(f"Ignored the year range {raw[:40]!r}: use the form 2014-2019.")
        return None
    first, last = sorted((int(start), int(end)))
    first, last = max(first, options.year_min), min(last, options.year_max)
    if first > last:
        notices.append(f"Ignored the year range {raw[:40]!r}: the data cover "
                       f"{options.year_min}-{options.year_max}.")
        return None
    if (first, last) == (options.year_min, options.year_max):
        return None
    return first, last


def _parse_choice(name: str, raw: str, allowed: tuple[str, ...], notices: list[str]) -> str | None:
    if raw in allowed:
        return raw
    notices.append(f"Ignored unknown value for '{name}': {raw[:40]!r}.")
    return None


KNOWN_PARAMS = ("ds", "co", "y", "r", "rt", "bri", "tag", "conf", "view", "ov", "c", "by")


def parse_view_state(query: dict[str, object], options: FilterOptions) -> ViewState:
    """Build a ViewState from query parameters, ignoring (with a notice) anything unknown or malformed."""
    notices: list[str] = []
    values: dict[str, str] = {}
    for key, value in query.items():
        if key in TABLE_PARAMS:
            continue  # a table's sort/page/q: read by tablestate
        if key not in KNOWN_PARAMS:
            notices.append(f"Ignored unknown parameter {key[:40]!r}.")
        elif not isinstance(value, str):
            notices.append(f"Ignored malformed parameter {key!r}.")
        else:
            values[key] = value
    state = ViewState(
        datasets=_parse_list("ds", values.get("ds", ""), options.datasets, notices),
        companies=_parse_list("co", values.get("co", ""), options.companies, notices),
        years=_parse_years(values["y"], options, notices) if values.get("y") else None,
        regions=_parse_list("r", values.get("r", ""), options.regions, notices),
        regimes=_parse_list("rt", values.get("rt", ""), options.regimes, notices),
        bri=_parse_choice("bri", values["bri"], tuple(BRI_LABELS), notices) if values.get("bri") else None,
        tags=_parse_list("tag", values.get("tag", ""), options.tags, notices),
        confidences=_parse_list("conf", values.get("conf", ""), options.confidences, notices),
        view=_parse_choice("view", values["view"], VIEWS, notices) or "map" if values.get("view") else "map",
        overlay=_parse_choice("ov", values["ov"], OVERLAYS, notices) or "none" if values.get("ov") else "none",
        country=_parse_choice("c", values["c"].upper(), options.countries, notices) if values.get("c") else None,
        stack=_parse_choice("by", values["by"], STACKS, notices) or "dataset" if values.get("by") else "dataset",
    )
    return state.with_changes(notices=tuple(notices))


def parse_search(search: str | None, options: FilterOptions) -> ViewState:
    """Parse a `?a=b&c=d` string (as dcc.Location gives it)."""
    pairs = parse_qsl((search or "").lstrip("?"), keep_blank_values=False)
    return parse_view_state(dict(pairs), options)


def view_state_query(state: ViewState) -> dict[str, str]:
    """The query parameters for a state, leaving out defaults so links stay short."""
    params = {"ds": ",".join(state.datasets), "co": ",".join(state.companies),
              "y": f"{state.years[0]}-{state.years[1]}" if state.years else "", "r": ",".join(state.regions),
              "rt": ",".join(state.regimes), "bri": state.bri or "", "tag": ",".join(state.tags),
              "conf": ",".join(state.confidences), "view": "" if state.view == "map" else state.view,
              "ov": "" if state.overlay == "none" else state.overlay, "c": state.country or "",
              "by": "" if state.stack == "dataset" else state.stack}
    return {key: value for key, value in params.items() if value}


def view_state_search(state: ViewState) -> str:
    """`?ds=...&y=...` for a state, or "" for the default view."""
    query = view_state_query(state)
    return "?" + urlencode(query, safe=",") if query else ""


def _coerce_list(value: object, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """Callback input -> tuple of known values; anything else (dicts, numbers, junk) is dropped."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(v for v in value[:MAX_LIST_ITEMS] if isinstance(v, str) and v in allowed))


def _coerce_choice(value: object, allowed: tuple[str, ...], default: str | None) -> str | None:
    """One known string, else the default (lists and dicts are not hashable: check the type first)."""
    return value if isinstance(value, str) and value in allowed else default


def _coerce_years(value: object, options: FilterOptions) -> tuple[int, int] | None:
    def is_year(v: object) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and abs(v) < 10_000

    if not (isinstance(value, list) and len(value) == 2 and all(is_year(v) for v in value)):
        return None
    first, last = sorted(int(v) for v in value)
    first, last = max(first, options.year_min), min(last, options.year_max)
    if first > last or (first, last) == (options.year_min, options.year_max):
        return None
    return first, last


def state_from_controls(options: FilterOptions, *, datasets: object = None, companies: object = None,
                        years: object = None, regions: object = None, regimes: object = None, bri: object = None,
                        tags: object = None, confidences: object = None, view: object = None,
                        overlay: object = None, country: object = None, stack: object = None) -> ViewState:
    """Validate raw callback values (any JSON a client may send) into a ViewState."""
    return ViewState(
        datasets=_coerce_list(datasets, options.datasets),
        companies=_coerce_list(companies, options.companies),
        years=_coerce_years(years, options),
        regions=_coerce_list(regions, options.regions),
        regimes=_coerce_list(regimes, options.regimes),
        bri=_coerce_choice(bri, tuple(BRI_LABELS), None),
        tags=_coerce_list(tags, options.tags),
        confidences=_coerce_list(confidences, options.confidences),
        view=_coerce_choice(view, VIEWS, "map"),
        overlay=_coerce_choice(overlay, OVERLAYS, "none"),
        country=_coerce_choice(country, options.countries, None),
        stack=_coerce_choice(stack, STACKS, "dataset"),
    )
