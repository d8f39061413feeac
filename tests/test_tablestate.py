"""Table state: URL parameters of the server-rendered tables, and the filter/sort/page transform."""

from dashboard.tablestate import (
    TableState,
    parse_table_search,
    parse_table_state,
    table_page,
    table_state_query,
    with_table_query,
)

ROWS = [{"id": f"R{i}", "year": year, "title": title, "title_href": "https://example.org/secret"}
        for i, (year, title) in enumerate([(2019, "Nairobi"), (None, "belgrade"), (2014, "Astana"), (2021, "Zagreb"),
                                           (2016, "Lahore")])]


def test_parse_reads_sort_direction_page_and_text():
    state = parse_table_state({"sort": "-year", "page": "3", "q": "  huawei "}, ("year", "title"))
    assert (state.sort, state.descending, state.page, state.text, state.notices) == ("year", True, 3, "huawei", ())


def test_parse_ignores_bad_values_with_a_notice():
    state = parse_table_state({"sort": "password", "page": "0", "q": ["x"]}, ("year",))
    assert state == TableState()
    assert state.notices == ("Ignored unknown sort column 'password'.", "Ignored the page number '0'.")
    assert parse_table_state({"page": "99999999"}, ()).page == 1


def test_query_round_trip_leaves_defaults_out():
    state = TableState(sort="year", descending=True, page=2, text="ZTE")
    assert table_state_query(state) == {"sort": "-year", "page": "2", "q": "ZTE"}
    assert parse_table_search("?" + "&".join(f"{k}={v}" for k, v in table_state_query(state).items()),
                              ("year",)) == state
    assert table_state_query(TableState()) == {}
    assert with_table_query("?ds=courses", TableState(page=2)) == "?ds=courses&page=2"
    assert with_table_query("", TableState(sort="title")) == "?sort=title"
    assert with_table_query("?ds=courses", TableState()) == "?ds=courses"
    assert parse_table_search(None, ("year",)) == TableState()


def test_sort_puts_empty_cells_last_both_ways_and_ignores_case():
    ascending = table_page(ROWS, TableState(sort="year"))
    assert [r["year"] for r in ascending.rows] == [2014, 2016, 2019, 2021, None]
    descending = table_page(ROWS, TableState(sort="year", descending=True))
    assert [r["year"] for r in descending.rows] == [2021, 2019, 2016, 2014, None]
    by_title = table_page(ROWS, TableState(sort="title"))
    assert [r["title"] for r in by_title.rows] == ["Astana", "belgrade", "Lahore", "Nairobi", "Zagreb"]


def test_text_filter_searches_shown_cells_not_link_targets():
    assert [r["id"] for r in table_page(ROWS, TableState(text="LAHORE")).rows] == ["R4"]
    assert table_page(ROWS, TableState(text="example.org")).total == 0


def test_pages_cut_the_rows_and_a_page_past_the_end_shows_the_last():
    page = table_page(ROWS, TableState(page=2), page_size=2)
    assert ([r["id"] for r in page.rows], page.total, page.page, page.pages) == (["R2", "R3"], 5, 2, 3)
    last = table_page(ROWS, TableState(page=50), page_size=2)
    assert (last.page, [r["id"] for r in last.rows]) == (3, ["R4"])
    assert table_page([], TableState()).pages == 1
