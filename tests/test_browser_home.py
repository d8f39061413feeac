"""User journeys on the map page in real Chromium (fails on any non-loopback request or page error)."""

import re

import pytest
from playwright.sync_api import expect

from dashboard.figures.narrow import NARROW_MAP_HEIGHT
from tests.browser_selectors import COLOURED, SHAPES

pytestmark = pytest.mark.browser


def test_map_draws_country_shapes_from_the_local_topojson(page):
    page.goto(page.base_url + "/")
    page.wait_for_selector(SHAPES, timeout=20_000)
    assert page.locator(SHAPES).count() > 10
    expect(page.locator("#home-summary")).to_contain_text("records in")


def test_every_preloaded_file_is_fetched_once(page):
    """A preload whose request mode does not match the real request would download the file twice."""
    requested = []
    page.on("request", lambda request: requested.append(request.url.removeprefix(page.base_url)))
    page.goto(page.base_url + "/")
    page.wait_for_selector(SHAPES, timeout=20_000)
    page.wait_for_timeout(300)
    links = re.findall(r'<link rel="preload" href="([^"]+)"[^>]*?(?: media="([^"]+)")?>', page.content())
    preloaded = [url.replace("&amp;", "&") for url, _ in links]
    assert {"/_dash-layout", "/_dash-dependencies", "/assets/topojson/world_110m.json"} <= set(preloaded)
    assert any(url.endswith("async-graph.js") for url in preloaded)
    for url, media in links:  # a preload for another screen width (the phone's map picture) is not fetched at all
        wanted = not media or page.evaluate("media => matchMedia(media).matches", media)
        assert requested.count(url.replace("&amp;", "&")) == int(wanted), (url, media, requested)


def test_filter_changes_map_and_url_and_reload_restores_it(page):
    page.goto(page.base_url + "/")
    page.wait_for_selector(SHAPES, timeout=20_000)
    before = page.locator(COLOURED).count()
    page.get_by_role("option", name="Safe/smart-city agreements").click()
    expect(page).to_have_url(re.compile(r"\?ds=agreements$"))
    expect(page.locator("#home-summary")).to_contain_text("Safe/smart-city agreements")
    page.wait_for_function(f"() => document.querySelectorAll('{COLOURED}').length !== {before}")
    after = page.locator(COLOURED).count()
    assert 0 < after < before
    page.reload()
    page.wait_for_selector(SHAPES, timeout=20_000)
    expect(page.locator("#home-summary")).to_contain_text("Safe/smart-city agreements")
    assert page.locator(COLOURED).count() == after
    assert page.get_by_role("option", name="Safe/smart-city agreements").get_attribute("aria-selected") == "true"


def test_bad_query_shows_default_view_with_a_polite_notice(page):
    page.goto(page.base_url + "/?y=abc&utm_source=newsletter")
    page.wait_for_selector(SHAPES, timeout=20_000)
    expect(page.locator("#home-notice")).to_contain_text("Ignored the year range 'abc'")
    expect(page.locator("#home-notice")).to_contain_text("utm_source")
    expect(page).to_have_url(page.base_url + "/")


def test_back_and_forward_restore_the_filtered_view(page):
    page.goto(page.base_url + "/?ds=donations")
    page.wait_for_selector(SHAPES, timeout=20_000)
    page.get_by_role("link", name="Timeline").click()
    page.go_back()
    page.wait_for_selector(SHAPES, timeout=20_000)
    expect(page).to_have_url(page.base_url + "/?ds=donations")
    expect(page.locator("#home-summary")).to_contain_text("Covid-era donations")


def test_cold_load_paints_the_map_without_the_router_round_trip(page):
    callbacks = []
    page.on("request", lambda r: callbacks.append(r.post_data or "") if "_dash-update-component" in r.url else None)
    page.goto(page.base_url + "/?ds=courses")
    page.wait_for_selector(SHAPES, timeout=20_000)
    expect(page.locator("#home-summary")).to_contain_text("Training courses")
    assert not any("_pages_content" in body for body in callbacks)  # the layout already held the page
    page.get_by_role("link", name="Timeline").click()  # later navigations still go through the router
    expect(page.locator("#timeline-summary")).to_be_visible()
    assert any("_pages_content" in body for body in callbacks)


def test_server_drawn_map_is_on_screen_before_plotly(browser, base_url):
    """With plotly.js held back (a slow phone), the reader already sees the map of the linked view."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route("**/plotly.min.js", lambda route: route.abort())
    page.goto(base_url + "/?ds=agreements&utm_source=x")
    picture = page.locator("img.map-placeholder")
    expect(picture).to_be_visible(timeout=20_000)
    assert picture.get_attribute("src") == "/map.svg?ds=agreements"
    page.wait_for_function("document.querySelector('img.map-placeholder').naturalWidth > 0", timeout=20_000)
    assert page.locator(SHAPES).count() == 0
    context.close()


def picture_and_graph_boxes(page) -> list[list[int]]:
    """The boxes of the (hidden) server-drawn picture and of plotly's map: [x, y, width, height] each."""
    return page.evaluate("""() => {
      const img = document.querySelector('img.map-placeholder'), graph = document.querySelector('#home-map .main-svg');
      img.style.display = 'block';
      const box = e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); };
      const both = [box(img), box(graph)];
      img.style.display = '';
      return both;
    }""")


def test_server_drawn_map_gives_way_to_plotly_and_never_comes_back(page):
    page.goto(page.base_url + "/")
    page.wait_for_selector(SHAPES, timeout=20_000)
    picture = page.locator("img.map-placeholder")
    expect(picture).to_be_hidden()
    # The picture (a whole figure at plotly's offsets) had exactly the graph's box, so the swap moved nothing.
    boxes = picture_and_graph_boxes(page)
    assert boxes[0] == boxes[1] and boxes[0][3] == 560
    assert page.locator(".boot-shell").count() == 0 and page.locator(".site-header").count() == 1  # replaced
    page.get_by_role("option", name="Entity List entries").click()  # every listing is in China: none coloured
    expect(page).to_have_url(re.compile(r"\?ds=entity_list$"))
    page.wait_for_function(f"() => document.querySelectorAll('{COLOURED}').length === 0", timeout=20_000)
    expect(picture).to_be_hidden()  # the picture of the first view must not show through a later one


def test_a_phone_draws_the_narrow_map_once_over_its_own_picture(browser, base_url):
    """At 390 px the map is laid out for the phone (wrapped title, shorter figure) by plotly and by the server's
    picture alike; the wide figure stays on the graph for the slide export."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    draws = []
    page.on("request", lambda r: draws.append(r.url) if "map" in r.url and r.url.endswith(".svg") else None)
    page.goto(base_url + "/")
    page.wait_for_selector(SHAPES, timeout=20_000)
    picture = page.locator("img.map-placeholder")
    expect(picture).to_be_hidden()  # it gave way to plotly's map (the picture now sits inside a <picture>)
    assert picture.evaluate("img => img.currentSrc").endswith("/map-narrow.svg")
    assert [url.removeprefix(base_url) for url in draws] == ["/map-narrow.svg"]  # the wide picture never loads
    boxes = picture_and_graph_boxes(page)
    assert boxes[0] == boxes[1] and boxes[0][3] == NARROW_MAP_HEIGHT
    title = page.evaluate("""() => {
      const svg = document.querySelector('#home-map .main-svg'), title = document.querySelector('#home-map .gtitle');
      const box = title.getBoundingClientRect(), frame = svg.getBoundingClientRect();
      return {lines: title.querySelectorAll('tspan.line').length, inside: box.top >= frame.top &&
              box.right <= frame.right, wideHeight: document.querySelector('#home-map .js-plotly-plot')
              .atlasFigure.layout.height};
    }""")
    assert title == {"lines": 2, "inside": True, "wideHeight": 560}
    page.set_viewport_size({"width": 1280, "height": 900})  # a tablet turned: the chart is redrawn for the width
    page.wait_for_function("() => document.querySelector('#home-map .main-svg').getBoundingClientRect().height"
                           " === 560", timeout=20_000)
    context.close()
