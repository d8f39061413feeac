import pytest

from dashboard.viewstate import (
    FilterOptions,
    ViewState,
    parse_search,
    parse_view_state,
    state_from_controls,
    view_state_search,
)

OPTIONS = FilterOptions(datasets=("agreements", "courses", "entity_list", "donations"),
                        companies=("huawei", "zte", "dahua"), regions=("Africa", "Europe"),
                        tags=("cameras", "drones"), year_min=2010, year_max=2024, countries=("KEN", "SRB"))


class TestParse:
    def test_round_trip(self):
        state = ViewState(datasets=("agreements",), companies=("huawei",), years=(2014, 2019), regions=("Africa",),
                          bri="member", tags=("cameras",), confidences=("high",), view="table", overlay="regime",
                          country="KEN")
        search = view_state_search(state)
        assert search == ("?ds=agreements&co=huawei&y=2014-2019&r=Africa&bri=member&tag=cameras&conf=high"
                          "&view=table&ov=regime&c=KEN")
        assert parse_search(search, OPTIONS) == state

    def test_default_view_has_an_empty_query(self):
        assert view_state_search(ViewState()) == ""
        assert parse_search("", OPTIONS) == ViewState()

    @pytest.mark.parametrize("query, notice", [
        ({"y": "abc"}, "year range"), ({"utm_source": "x"}, "unknown parameter"), ({"ds": "secret"}, "'ds'"),
        ({"view": "globe"}, "'view'"), ({"c": "ZZZ"}, "'c'"), ({"y": "1990-1995"}, "data cover"),
    ])
    def test_bad_values_are_ignored_with_a_notice(self, query, notice):
        state = parse_view_state(query, OPTIONS)
        assert state == ViewState()
        assert any(notice in n for n in state.notices)

    def test_years_are_clamped_to_the_data(self):
        assert parse_view_state({"y": "2005-2015"}, OPTIONS).years == (2010, 2015)
        assert parse_view_state({"y": "2016"}, OPTIONS).years == (2016, 2016)

    def test_lowercase_country_code_is_accepted(self):
        assert parse_view_state({"c": "ken"}, OPTIONS).country == "KEN"


class TestControls:
    def test_valid_values(self):
        state = state_from_controls(OPTIONS, datasets=["agreements"], years=[2012, 2018], bri="none", country="SRB")
        assert state == ViewState(datasets=("agreements",), years=(2012, 2018), bri="none", country="SRB")

    @pytest.mark.parametrize("junk", [{"a": 1}, 7, ["x" * 10_000], [None, {"b": 2}], "agreements; DROP", None,
                                      [False, float("inf")], [float("nan"), 2015], [1e308, -1e308]])
    def test_any_json_a_client_sends_becomes_a_safe_state(self, junk):
        state = state_from_controls(OPTIONS, datasets=junk, companies=junk, years=junk, regions=junk, regimes=junk,
                                    bri=junk, tags=junk, confidences=junk, view=junk, overlay=junk, country=junk)
        assert state == ViewState()
