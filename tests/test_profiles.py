"""Country, company, timeline, data and search pages, rendered for every country and company with data."""

import dash
import pytest

from dashboard.components.search import match_entries, search_entries
from dashboard.components.site import current_site
from dashboard.components.tables import grid_rows
from dashboard.transforms import count_by_country, count_by_year, filter_records
from dashboard.viewstate import ViewState


def layouts(dash_app):
    return {p["path_template"] or p["path"]: p["layout"] for p in dash.page_registry.values()}


def render(dash_app, path, **kwargs):
    with dash_app.server.test_request_context("/"):
        return str(layouts(dash_app)[path](**kwargs))


def test_every_country_with_data_has_a_page(dash_app, atlas):
    for iso3 in sorted(set(atlas.records["iso3"])):
        text = render(dash_app, "/country/<iso3>", iso3=iso3)
        assert "Records and sources" in text, iso3


def test_country_without_data_says_so(dash_app, atlas):
    empty = next(c for c in atlas.countries["iso3"] if c not in set(atlas.records["iso3"]))
    assert "No records for" in render(dash_app, "/country/<iso3>", iso3=empty)


@pytest.mark.parametrize("code", ["zzz", "<script>", "K" * 500, ""])
def test_unknown_country_is_a_friendly_page(dash_app, code):
    assert "Unknown country" in render(dash_app, "/country/<iso3>", iso3=code)


def test_every_company_has_a_page(dash_app, atlas):
    for company_id in atlas.companies["company_id"]:
        text = render(dash_app, "/company/<company_id>", company_id=company_id)
        assert "Entity List" in text, company_id


def test_merged_company_ids_move_permanently_and_leave_search(client, dash_app, atlas):
    merged = atlas.companies.dropna(subset=["merged_into"])
    merges = merged.set_index("company_id")["merged_into"].to_dict()
    assert merges["sunwin_intelligent"] == "shenzhen_sunwin" and merges["bgi_group"] == "bgi"
    response = client.get("/company/sunwin_intelligent?sort=-year")
    assert response.status_code == 301 and response.headers["Location"] == "/company/shenzhen_sunwin?sort=-year"
    assert client.get("/company/shenzhen_sunwin").status_code == 200
    assert not atlas.records["company_id"].isin(set(merged["company_id"])).any()
    with dash_app.server.test_request_context("/"):
        hrefs = {e["value"] for e in search_entries(current_site())}
    assert "/company/shenzhen_sunwin" in hrefs and "/company/sunwin_intelligent" not in hrefs


def test_company_page_shows_listing_with_citation(dash_app, atlas):
    text = render(dash_app, "/company/<company_id>", company_id="huawei")
    assert "On the US Entity List" in text and "84 FR 22961" in text


def test_data_page_lists_every_record(dash_app, atlas):
    with dash_app.server.test_request_context("/"):
        rows = grid_rows(current_site())
    expected = sum(len(atlas.tables[d]) for d in ("agreements", "courses", "entity_list", "donations"))
    assert len(rows) == expected
    assert all(row["source"] and row["source_href"].startswith("http") for row in rows)


def test_search_matches_english_chinese_and_aliases(dash_app):
    with dash_app.server.test_request_context("/"):
        entries = search_entries(current_site())
    assert [e["value"] for e in match_entries(entries, "海康威视")] == ["/company/hikvision"]
    assert "/company/hikvision" in [e["value"] for e in match_entries(entries, "hikvision")]
    assert "/country/KEN" in [e["value"] for e in match_entries(entries, "kenya")]
    assert "/country/KEN" in [e["value"] for e in match_entries(entries, "KEN")]
    hikvision = next(e for e in entries if e["value"] == "/company/hikvision")
    assert hikvision["search"] == ""  # its aliases (Hikvision, 海康威视) are already in the label
    aliased = [e for e in entries if e["search"] and e["value"].startswith("/company/")]
    assert aliased and all(match_entries(entries, e["search"].split()[0]) for e in aliased)
    assert match_entries(entries, "") == []


def test_header_search_ships_its_options_and_no_callback_rewrites_the_box(client):
    """A callback writing to the box re-renders it with a stale search text: fast typists lose characters."""
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "Kenya (country)" in layout and "Hangzhou Hikvision" in layout
    outputs = " ".join(d["output"] for d in client.get("/_dash-dependencies").get_json())
    assert "site-search." not in outputs


@pytest.mark.parametrize("state", [
    ViewState(), ViewState(datasets=("agreements",)), ViewState(companies=("huawei",), years=(2014, 2019)),
    ViewState(regions=("Africa",), datasets=("agreements", "donations")), ViewState(bri="member", tags=("cameras",)),
    ViewState(confidences=("high",)), ViewState(regimes=("closed_autocracy", "electoral_autocracy")),
])
def test_numbers_agree_between_map_timeline_and_table(dash_app, atlas, state):
    """For any filter: map total = timeline total = table rows."""
    from dashboard.components.home_view import build_home_view as home_view

    with dash_app.server.test_request_context("/"):
        site = current_site()
        view = home_view(site, state.with_changes(view="table"))
    chosen = filter_records(atlas.records, state)
    map_total = int(count_by_country(chosen)["count"].sum())
    timeline_total = int(count_by_year(chosen, site.options.datasets).to_numpy().sum())
    assert map_total == timeline_total == len(view.table_rows) == len(chosen)
    assert str(len(chosen)) + " record" in view.summary


def test_country_page_shows_regime_type_over_time(dash_app):
    text = render(dash_app, "/country/<iso3>", iso3="SRB")
    assert "Regime type over time" in text and "electoral autocracy" in text


def test_timeline_per_vendor_view_and_empty_result(dash_app):
    from dashboard.components.timeline_view import timeline_view
    from dashboard.viewstate import parse_view_state

    with dash_app.server.test_request_context("/"):
        site = current_site()
        figure, _, search, empty = timeline_view(site, parse_view_state({"by": "company"}, site.options))
        assert search == "?by=company" and empty is None
        assert "Huawei Technologies Co. Ltd." in [trace["name"] for trace in figure["data"]]
        nothing = parse_view_state({"ds": "entity_list", "r": "Africa"}, site.options)
        assert timeline_view(site, nothing)[3] is not None  # "No records match" instead of an empty chart


def test_empty_map_view_hides_the_map(dash_app):
    from dashboard.components.home_view import build_home_view

    with dash_app.server.test_request_context("/"):
        view = build_home_view(current_site(), ViewState(datasets=("entity_list",), regions=("Africa",)))
    assert view.empty is not None and "No records match" in str(view.empty)


def test_company_page_has_a_table_of_its_records(dash_app, atlas):
    from dashboard.components.tables import grid_rows

    with dash_app.server.test_request_context("/"):
        site = current_site()
        rows = grid_rows(site, atlas.records[atlas.records["company_id"] == "huawei"])
    expected = atlas.records[atlas.records["company_id"] == "huawei"].drop_duplicates(["dataset", "record_id"])
    assert len(rows) == len(expected) > 0
    assert "company-table" in render(dash_app, "/company/<company_id>", company_id="huawei")


def test_company_table_is_sorted_and_paged_by_its_url(dash_app, atlas):
    text = render(dash_app, "/company/<company_id>", company_id="huawei", sort="-year", page="2")
    assert "Rows 26\u2013" in text and "Page 2 of" in text
    assert "/company/huawei?sort=-year" in text  # the previous-page link keeps the sort
    assert "aria-sort" in text and "descending" in text
    bad = render(dash_app, "/company/<company_id>", company_id="huawei", sort="password", page="-1")
    assert "Ignored unknown sort column 'password'" in bad and "Ignored the page number '-1'" in bad


def test_every_source_link_has_visible_text_and_no_missing_value_marker(dash_app, atlas):
    # Many source rows have no title (the page showed none): their link shows the site instead of nothing.
    from dashboard.components.records import source_item

    untitled = atlas.sources[atlas.sources["title"].isna() & atlas.sources["published"].isna()].iloc[0]
    item = source_item(untitled)
    link = item.children[0]
    assert link.href == untitled["url"] and link.children and link.children in untitled["url"]
    assert "<NA>" not in str(item) and "nan" not in str(item.children[1].children)
    iso3 = atlas.records.loc[atlas.records["record_id"] == untitled["record_id"], "iso3"].iloc[0]
    text = render(dash_app, "/country/<iso3>", iso3=iso3)
    assert "<NA>" not in text


def test_before_and_after_listing_counts_add_up_to_the_records_abroad(dash_app):
    import sys

    import pandas as pd

    # The page module as Dash Pages loaded it ("pages.company"): importing dashboard.pages.company here would
    # register the page a second time, without a layout.
    before_after = sys.modules[dash.page_registry["pages.company"]["module"]].before_after
    records = pd.DataFrame({"dataset": ["agreements", "agreements", "donations", "donations", "entity_list"],
                            "record_id": ["AGR-1", "AGR-1", "DON-1", "DON-2", "ENT-1"],  # AGR-1 in two countries
                            "year": [2018, 2018, 2020, None, 2019]})
    text = before_after(records, "2019-05-16").children
    assert text == ("Records dated before 2019: 1; in 2019 or later: 1 (listing year counted as 'after'); "
                    "without a date: 1.")
    assert "without a date" not in before_after(records.dropna(subset=["year"]), "2019-05-16").children
