"""The per-process, read-only bundle the pages read: data, filter options and derived labels."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from types import MappingProxyType

import flask

from dashboard.components.memo import ViewMemo
from dashboard.config import Settings
from dashboard.data import AtlasData
from dashboard.data.store import DATASETS
from dashboard.figures.projection import ProjectedShapes, project_shapes
from dashboard.transforms import filter_options
from dashboard.viewstate import FilterOptions

EXTENSION_KEY = "safe_city_atlas"


@dataclass(frozen=True)
class Site:
    """Everything a page needs besides the request: built once in create_app()."""

    atlas: AtlasData
    settings: Settings
    options: FilterOptions
    company_names: MappingProxyType
    country_names: MappingProxyType
    company_redirects: MappingProxyType  # merged (duplicate) company id -> the id that stays
    source_line: str
    map_shapes: ProjectedShapes  # country outlines for the server-drawn map, projected once
    base_map_codes: frozenset[str]  # ISO-3 ids of the country shapes the browser's map draws
    views: ViewMemo = field(default_factory=ViewMemo, compare=False)  # computed views, keyed by view state


def build_site(atlas: AtlasData, settings: Settings) -> Site:
    """Derive the options and labels once."""
    shapes = project_shapes(json.loads((settings.assets_dir / "topojson" / "world_110m.json").read_text()))
    producers = [s.get("producer") for s in atlas.descriptor.get("sources", []) if s.get("producer")]
    source_line = (f"Source: Safe City Atlas, data as of {atlas.last_updated}; underlying sources: "
                   + ", ".join(dict.fromkeys(producers)) + " and the public sources cited per record")
    return Site(
        atlas=atlas, settings=settings,
        options=filter_options(atlas.records, DATASETS, atlas.countries),
        company_names=MappingProxyType(dict(zip(atlas.companies["company_id"], atlas.companies["name_en"],
                                                strict=True))),
        country_names=MappingProxyType(dict(zip(atlas.countries["iso3"], atlas.countries["name"], strict=True))),
        company_redirects=MappingProxyType(atlas.companies.dropna(subset=["merged_into"])
                                           .set_index("company_id")["merged_into"].to_dict()),
        source_line=source_line,
        map_shapes=shapes,
        # Shapes with something inside the map's latitudes: plotly would project Antarctica on every redraw.
        base_map_codes=frozenset(code for code, path_data in shapes.countries.items() if path_data),
    )


def current_site() -> Site:
    """The Site of the Flask app handling this request (layouts and callbacks run inside one)."""
    return flask.current_app.extensions[EXTENSION_KEY]
