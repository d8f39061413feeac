"""User journeys from issue 4 in real Chromium (each fails on any non-loopback request or page error)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser_selectors import COLOURED, SHAPES

pytestmark = pytest.mark.browser


def test_policy_user_filters_by_vendor_and_year_and_opens_a_country(page):
    page.goto(page.base_url + "/?co=huawei&y=2014-2020&ds=agreements")
    page.wait_for_selector(SHAPES, timeout=20_000)
    expect(page.locator("#home-summary")).to_contain_text("Huawei")
    expect(page.locator("#home-summary")).to_contain_text("2014\u20132020")
    page.locator(COLOURED).first.click(force=True)
    expect(page.locator("#home-panel")).to_contain_text("Open the", timeout=10_000)
    expect(page).to_have_url(re.compile(r"&c=[A-Z]{3}$"))
    page.locator("#home-panel a.panel-link").click()
    expect(page).to_have_url(re.compile(r"/country/[A-Z]{3}$"))
    expect(page.locator("h2", has_text="Records and sources")).to_be_visible()


def test_journalist_searches_kenya_and_quotes_the_nairobi_record(page):
    page.goto(page.base_url + "/")
    page.locator("#site-search").click()
    page.keyboard.type("Kenya")
    page.get_by_role("option", name="Kenya (country)").click()
    expect(page).to_have_url(page.base_url + "/country/KEN")
    expect(page).to_have_title("Kenya - Safe City Atlas")  # the tab and a bookmark name the country
    nairobi = page.locator("article.record", has_text="Nairobi").first
    expect(nairobi).to_be_visible()
    link = nairobi.locator("li.source a").first
    assert re.match(r"^https?://", link.get_attribute("href"))
    expect(nairobi.locator("blockquote.evidence").first).not_to_be_empty()


def test_shared_url_reproduces_the_view_in_a_fresh_context(page, browser):
    page.goto(page.base_url + "/?ds=donations&view=table")
    page.wait_for_selector("#home-table tbody tr", timeout=20_000)
    page.get_by_role("link", name="Year").click()  # numbers sort newest first
    expect(page).to_have_url(re.compile(r"\?ds=donations&view=table&sort=-year$"))
    page.get_by_role("link", name="Next \u2192").click()
    expect(page).to_have_url(re.compile(r"&sort=-year&page=2$"))
    expect(page.locator("#home-table th[aria-sort=descending]")).to_have_text("Year \u25bc")
    expect(page.locator(".pager-count")).to_have_text(re.compile(r"^Rows 26\u2013"))  # page 2 has arrived
    summary = page.locator("#home-summary").inner_text()
    first_row = page.locator("#home-table tbody tr").first.inner_text()
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(page.url)
    other.wait_for_selector("#home-table tbody tr", timeout=20_000)
    assert other.locator("#home-summary").inner_text() == summary
    assert other.locator("#home-table tbody tr").first.inner_text() == first_row
    fresh.close()
    page.go_back()  # sorting and paging are navigations: back returns to page 1
    expect(page).to_have_url(re.compile(r"&sort=-year$"))


def test_data_page_text_filter_is_a_link(page):
    page.goto(page.base_url + "/data?sort=-year")
    page.wait_for_selector("#data-grid tbody tr", timeout=20_000)
    widths = page.eval_on_selector_all(".data-page .stat", "cards => cards.map(c => c.getBoundingClientRect().width)")
    assert len(widths) == 4 and max(widths) - min(widths) < 1  # the dataset cards sit in equal columns
    page.locator("#data-quick-filter").fill("Hikvision")
    page.locator("#data-quick-filter").press("Enter")
    expect(page).to_have_url(re.compile(r"/data\?sort=-year&q=Hikvision$"))
    rows = page.locator("#data-grid tbody tr")
    expect(rows.first).to_contain_text("Hikvision", ignore_case=True)
    page.reload()
    expect(page.locator("#data-quick-filter")).to_have_value("Hikvision")
    expect(page.locator("#data-grid .pager-count")).to_have_text(re.compile(r"^Rows 1\u2013"))


def test_phone_width_has_no_horizontal_scroll(page):
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("/", "/?view=table", "/timeline", "/country/KEN", "/company/huawei", "/data"):
        page.goto(page.base_url + path)
        page.wait_for_selector("main h1", timeout=20_000)
        page.wait_for_timeout(300)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px"


def test_phone_opens_on_the_chart_with_a_link_down_to_the_filters(page):
    """A link shared to a phone shows the map before the filter panel; on a laptop the panel stays on the left."""
    page.set_viewport_size({"width": 390, "height": 800})
    for path, chart in (("/", "#home-map"), ("/timeline", "#timeline-chart")):
        page.goto(page.base_url + path)
        page.wait_for_selector(f"{chart} .main-svg", timeout=20_000)
        chart_top = page.locator(chart).bounding_box()["y"]
        filters = page.locator("section.filters")
        assert chart_top < filters.bounding_box()["y"], path
        page.get_by_role("link", name="Filters \u2193").click()
        expect(page).to_have_url(re.compile(r"#(home|timeline)-filters$"))
        expect(filters.get_by_text("Datasets")).to_be_in_viewport()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(page.base_url + "/")
    page.wait_for_selector("#home-map .main-svg", timeout=20_000)
    expect(page.get_by_role("link", name="Filters \u2193")).to_be_hidden()
    assert page.locator("section.filters").bounding_box()["x"] < page.locator("#home-map").bounding_box()["x"]


def test_phone_timelines_keep_title_legend_bars_and_year_labels_apart(page):
    """At 390 px a timeline is laid out for the phone: nothing cut off at the edges, the legend above the bars,
    year labels that do not run into each other."""
    page.set_viewport_size({"width": 390, "height": 844})
    for path, chart in (("/timeline", "#timeline-chart"), ("/country/KEN", "#country-timeline")):
        page.goto(page.base_url + path)
        page.wait_for_selector(f"{chart} .main-svg .bars", timeout=20_000)
        layout = page.evaluate("""chart => {
          const box = s => document.querySelector(chart + ' ' + s).getBoundingClientRect();
          const frame = box('.main-svg'), legend = box('.legend'), plot = box('.nsewdrag');
          const ticks = [...document.querySelectorAll(chart + ' .xtick text')].map(t => t.getBoundingClientRect());
          return {titleInside: box('.gtitle').left >= frame.left && box('.gtitle').right <= frame.right,
                  legendAbovePlot: legend.bottom <= plot.top + 1,
                  ticksInside: ticks.every(t => t.right <= frame.right + 1),
                  ticksApart: ticks.every((t, i) => i === 0 || ticks[i - 1].right < t.left)};
        }""", chart)
        assert layout == {"titleInside": True, "legendAbovePlot": True, "ticksInside": True, "ticksApart": True}, path
    page.set_viewport_size({"width": 1280, "height": 800})


def test_phone_tables_are_cards_of_labelled_lines(page):
    """At 390 px a record table is one card per record, each value labelled, with no sideways scrolling."""
    page.set_viewport_size({"width": 390, "height": 844})
    for path, table in (("/?view=table", "#home-table"), ("/company/huawei", "#company-table")):
        page.goto(page.base_url + path)
        page.wait_for_selector(f"{table} tbody tr", timeout=20_000)
        cards = page.evaluate("""table => {
          const wrap = document.querySelector(table + ' .data-table-wrap'), row = wrap.querySelector('tbody tr');
          const cell = row.querySelector('td');
          return {sideways: wrap.scrollWidth - wrap.clientWidth, rowWidth: row.getBoundingClientRect().width,
                  label: getComputedStyle(cell, '::before').content, cellDisplay: getComputedStyle(cell).display};
        }""", table)
        assert cards["sideways"] <= 0 and cards["rowWidth"] <= 390, path
        assert cards["label"] == '"Record: "' and cards["cellDisplay"] == "block", path
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(page.base_url + "/?view=table")
    page.wait_for_selector("#home-table tbody tr", timeout=20_000)
    assert page.evaluate("getComputedStyle(document.querySelector('#home-table td')).display") == "table-cell"



    page.goto(page.base_url + "/")
    page.wait_for_selector(SHAPES, timeout=20_000)
    for _ in range(12):
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement && document.activeElement.tagName")
    assert focused not in (None, "BODY")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_record_table_keeps_whole_words_beside_the_filters(page):
    # Squeezed between the filters and the side panel, a nine-column table wrapped titles letter by letter; it
    # now keeps words whole and scrolls sideways inside its own box.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base_url + "/?view=table&ds=donations")
    page.wait_for_selector("table.records tbody td", timeout=20_000)
    widths = page.evaluate("() => Object.fromEntries(Array.from(document.querySelectorAll('table.records thead th'))"
                           ".map(th => [th.textContent.trim(), th.getBoundingClientRect().width]))")
    assert widths["Title"] >= 120 and widths["Year"] >= 40, widths


def test_table_view_uses_the_empty_side_column_until_a_country_is_chosen(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base_url + "/?view=table&ds=donations")
    page.wait_for_selector("table.records tbody td", timeout=20_000)
    expect(page.locator("#home-panel")).to_be_hidden()
    assert page.locator("#home-table-wrap").bounding_box()["width"] > 900
    page.goto(page.base_url + "/?view=table&ds=donations&c=KEN")
    page.wait_for_selector("table.records tbody td", timeout=20_000)
    expect(page.locator("#home-panel")).to_contain_text("Kenya")
