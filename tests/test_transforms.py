import pandas as pd
import pytest

from dashboard.transforms import count_by_country, count_by_year, describe_view, filter_records
from dashboard.viewstate import FilterOptions, ViewState

RECORDS = pd.DataFrame({
    "record_id": ["AGR-001", "AGR-002", "DON-001", "CRS-001", "CRS-001"],
    "dataset": ["agreements", "agreements", "donations", "courses", "courses"],
    "iso3": ["KEN", "SRB", "KEN", "KEN", "UGA"],
    "country_name": ["Kenya", "Serbia", "Kenya", "Kenya", "Uganda"],
    "year": pd.array([2014, 2019, 2020, None, 2019], dtype="Int64"),
    "company_id": ["huawei", "huawei", "dahua", None, None],
    "region": ["Africa", "Europe", "Africa", "Africa", "Africa"],
    "regime_row": ["electoral_democracy", "electoral_autocracy", "electoral_democracy", "electoral_democracy",
                   "electoral_autocracy"],
    "bri_status": ["member", "member", "member", "member", "none"],
    "tags": ["cameras;command_centre", "facial_recognition", "thermal_cameras", "smart_city", None],
    "confidence": ["high", "medium", "medium", "low", "low"],
    "on_base_map": [True, True, True, True, True],
})
OPTIONS = FilterOptions(datasets=("agreements", "courses", "entity_list", "donations"), companies=("dahua", "huawei"),
                        regions=("Africa", "Europe"), tags=(), year_min=2014, year_max=2020)


@pytest.mark.parametrize("state, expected", [
    (ViewState(), 5),
    (ViewState(datasets=("agreements",)), 2),
    (ViewState(companies=("huawei",)), 2),
    (ViewState(years=(2019, 2020)), 3),  # the undated course placement drops out once years are chosen
    (ViewState(regions=("Europe",)), 1),
    (ViewState(regimes=("electoral_autocracy",)), 2),
    (ViewState(bri="none"), 1),
    (ViewState(tags=("cameras",)), 1),  # whole tags only: "thermal_cameras" is not "cameras"
    (ViewState(confidences=("low",)), 2),
    (ViewState(datasets=("donations",), regions=("Europe",)), 0),
])
def test_filter_records(state, expected):
    assert len(filter_records(RECORDS, state)) == expected


def test_counts_agree_between_map_and_timeline():
    chosen = filter_records(RECORDS, ViewState(regions=("Africa",)))
    by_country = count_by_country(chosen)
    by_year = count_by_year(chosen, OPTIONS.datasets)
    assert by_country["count"].sum() == by_year.to_numpy().sum() == len(chosen) == 4
    assert by_country.iloc[0].to_dict() == {"iso3": "KEN", "country_name": "Kenya", "on_base_map": True, "count": 3}
    assert "no date" in by_year.index  # undated records have their own bar rather than vanishing


def test_years_without_records_keep_their_place_on_the_timeline():
    from dashboard.transforms import count_by_year_and_company, year_rows

    assert year_rows(["2016", "no date", "2012"]) == ["2012", "2013", "2014", "2015", "2016", "no date"]
    assert year_rows([]) == [] and year_rows(["no date"]) == ["no date"]
    gappy = RECORDS[RECORDS["year"].isin([2014, 2019])]
    by_year = count_by_year(gappy, OPTIONS.datasets)
    assert list(by_year.index) == ["2014", "2015", "2016", "2017", "2018", "2019"]
    assert by_year.loc["2016"].sum() == 0 and by_year.to_numpy().sum() == len(gappy)
    assert list(count_by_year_and_company(gappy, {}).index) == list(by_year.index)


def test_describe_view_in_plain_language():
    state = ViewState(datasets=("agreements",), companies=("huawei",), years=(2014, 2019), regions=("Africa",))
    chosen = filter_records(RECORDS, state)
    text = describe_view(state, chosen, {"huawei": "Huawei"}, OPTIONS)
    assert text == "Huawei: safe/smart-city agreements, 2014\u20132019, Africa \u2014 1 record in 1 country"


def test_per_company_counts_keep_totals_and_group_the_rest():
    from dashboard.transforms import count_by_year_and_company

    table = count_by_year_and_company(RECORDS, {"huawei": "Huawei", "dahua": "Dahua"}, top=1)
    assert list(table.columns) == ["Huawei", "Other / none"]
    assert table.to_numpy().sum() == len(RECORDS)


def test_regime_periods_join_consecutive_years():
    from dashboard.transforms import regime_periods

    history = pd.DataFrame({"iso3": ["SRB"] * 4 + ["KEN"], "year": [2012, 2013, 2014, 2016, 2012],
                            "regime_row": ["a", "a", "b", "b", "a"]})
    assert regime_periods(history, "SRB", "regime_row") == [(2012, 2013, "a"), (2014, 2014, "b"), (2016, 2016, "b")]
