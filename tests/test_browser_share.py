"""Sharing journeys in Chromium: downloads match the screen, slide images are 1920x1080 (issue 5)."""

import csv
import re
import struct

import pytest
from playwright.sync_api import expect

from tests.browser_selectors import SHAPES

pytestmark = pytest.mark.browser


def show_donations_on_the_map(page) -> None:
    """Open the map page and pick the donations dataset; return once the page's share links have followed."""
    page.goto(page.base_url + "/")
    page.wait_for_selector(SHAPES, timeout=20_000)
    page.get_by_role("option", name="Covid-era donations").click()
    expect(page.locator("#home-share-csv")).to_have_attribute("href", "/download/view.csv?ds=donations")


def on_screen_count(page) -> int:
    return int(re.search(r"\u2014 (\d+) records?", page.locator("#home-summary").inner_text()).group(1))


def test_csv_download_equals_the_on_screen_count_and_keeps_sources(page):
    page.goto(page.base_url + "/?ds=agreements,donations&r=Africa")
    page.wait_for_selector(SHAPES, timeout=20_000)
    with page.expect_download() as download_info:
        page.locator("#home-share-csv").click()
    download = download_info.value
    with open(download.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == on_screen_count(page) > 0
    assert all(row["record_id"] and row["source_url"].startswith("http") for row in rows)


def test_share_links_follow_the_filters(page):
    show_donations_on_the_map(page)
    page.get_by_text("Copy link / cite this view").click()
    expect(page.locator("#home-share-citation")).to_contain_text("Covid-era donations")
    expect(page.locator("#home-share-link")).to_contain_text("?ds=donations")


def test_slide_image_is_1920_by_1080_and_named_for_the_view(page):
    page.goto(page.base_url + "/?ds=agreements&co=huawei")
    page.wait_for_selector(SHAPES, timeout=20_000)
    with page.expect_download() as download_info:
        page.locator("#home-share-slide").click()
    download = download_info.value
    assert download.suggested_filename == "safe-city-atlas_map_agreements_huawei_slide.png"
    with open(download.path(), "rb") as handle:
        header = handle.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1920, 1080)


def test_svg_export(page):
    page.goto(page.base_url + "/timeline?ds=entity_list")
    page.wait_for_selector("#timeline-chart .bars", timeout=20_000)
    with page.expect_download() as download_info:
        page.locator("#timeline-share-svg").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".svg")
    with open(download.path(), encoding="utf-8") as handle:
        svg = handle.read()
    assert svg.startswith("<svg") and "Records per year" in svg


def test_embed_shows_the_chart_without_site_chrome(page):
    page.goto(page.base_url + "/embed/map?ds=agreements")
    page.wait_for_selector("#embed-graph .choroplethlocation", timeout=20_000)
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("img.map-placeholder")).to_be_hidden()  # the picture gave way to plotly's map
    assert page.locator("img.map-placeholder").get_attribute("src") == "/map.svg?ds=agreements"
    expect(page.get_by_role("link", name=re.compile("Open this view"))).to_have_attribute("href", "/?ds=agreements")


def test_image_file_name_follows_the_filters(page):
    show_donations_on_the_map(page)
    with page.expect_download() as download_info:
        page.locator("#home-share-svg").click()
    assert download_info.value.suggested_filename == "safe-city-atlas_map_donations.svg"


def test_modebar_camera_names_the_png_for_the_view_after_a_filter_change(page):
    show_donations_on_the_map(page)
    page.locator("#home-map").hover()
    with page.expect_download() as download_info:
        page.locator("#home-map").get_by_role("button", name="Download plot as a PNG").click()
    assert download_info.value.suggested_filename == "safe-city-atlas_map_donations.png"


def test_a_filter_change_leaves_plotlys_config_as_the_graph_prop_gave_it(page):
    # A config that differs from dcc.Graph's prop sends every later Plotly.react down plotly's config-changed
    # path (~10 ms more per filter change), so the view's file name lives on the element, not in the config.
    page.goto(page.base_url + "/")
    page.wait_for_selector(SHAPES, timeout=20_000)
    config_of = ("() => JSON.stringify(document.querySelector('#home-map .js-plotly-plot')"
                 "._context.toImageButtonOptions)")
    before = page.evaluate(config_of)
    page.get_by_role("option", name="Covid-era donations").click()
    expect(page.locator("#home-map")).to_have_attribute("data-export-name", "safe-city-atlas_map_donations")
    assert page.evaluate(config_of) == before


# The bottom of a chart's box: its x tick labels (and axis title, if any) above, the source line below.
CAPTION_CLEARANCE = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const source = Array.from(gd.querySelectorAll('.annotation')).find(a => /Source:/.test(a.textContent));
  const axis = Array.from(gd.querySelectorAll('.xtick text, .xtitle')).map(el => el.getBoundingClientRect().bottom);
  return {axisBottom: Math.max(...axis), sourceTop: source.getBoundingClientRect().top};
})"""


@pytest.mark.parametrize("path", ["/timeline", "/country/KEN"])
def test_timeline_source_line_clears_the_axis_so_screenshots_stay_legible(page, path):
    page.goto(page.base_url + path)
    page.wait_for_selector(".js-plotly-plot .xtick text", timeout=20_000)
    charts = page.evaluate(CAPTION_CLEARANCE)
    assert charts and all(chart["axisBottom"] <= chart["sourceTop"] for chart in charts), charts
