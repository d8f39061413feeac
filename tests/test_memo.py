"""The per-site view memo: bounded, least-recently-used, and invisible in what the pages return."""

from dashboard.components.home_view import build_home_view
from dashboard.components.memo import ViewMemo
from dashboard.components.site import current_site
from dashboard.viewstate import ViewState


def test_memo_builds_once_per_key_and_evicts_the_least_recently_used():
    memo, builds = ViewMemo(max_entries=2), []

    def build(key):
        return lambda: builds.append(key) or f"view {key}"

    assert memo.get_or_build("a", build("a")) == "view a"
    assert memo.get_or_build("a", build("a")) == "view a" and builds == ["a"]
    memo.get_or_build("b", build("b"))
    memo.get_or_build("a", build("a"))  # "a" is now the most recent
    memo.get_or_build("c", build("c"))  # evicts "b"
    assert len(memo) == 2
    memo.get_or_build("a", build("a"))
    memo.get_or_build("b", build("b"))
    assert builds == ["a", "b", "c", "b"]


def test_views_are_keyed_by_state_not_by_notices(dash_app):
    with dash_app.server.test_request_context("/"):
        site = current_site()
        state = ViewState(datasets=("courses",))
        first = site.views.get_or_build(("home", state), lambda: build_home_view(site, state))
        again = site.views.get_or_build(("home", state.with_changes(notices=("x",))), lambda: None)
        fresh = build_home_view(site, state)
    assert again is first
    assert fresh.summary == first.summary and fresh.figure == first.figure and fresh.search == first.search
