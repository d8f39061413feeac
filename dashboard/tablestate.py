"""Table view state <-> URL: sort column, page and text filter of the server-rendered record tables.

    sort=year | sort=-year   sort by a column, ascending or (leading "-") descending
    page=3                   1-based page of PAGE_SIZE rows
    q=hikvision              text filter (the data page only)

Tables are rendered on the server, a page at a time, so a sorted, paged table is a link like any other view.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

TABLE_PARAMS = ("sort", "page", "q")
PAGE_SIZE = 25
MAX_PAGE = 10_000
MAX_TEXT = 100
LINK_SUFFIX = "_href"  # a row key ending so holds the link target of the cell of the same name


@dataclass(frozen=True)
class TableState:
    """How one table is sorted, paged and filtered."""

    sort: str | None = None
    descending: bool = False
    page: int = 1
    text: str = ""
    notices: tuple[str, ...] = field(default=(), compare=False)

    def with_changes(self, **changes) -> TableState:
        """A copy with some fields replaced."""
        return replace(self, **changes)


def parse_table_state(query: dict[str, object], sortable: tuple[str, ...]) -> TableState:
    """Read sort/page/q from query parameters; malformed values are ignored with a notice."""
    notices: list[str] = []
    raw_sort, raw_page, raw_text = (query.get(key) for key in TABLE_PARAMS)
    sort, descending = None, False
    if isinstance(raw_sort, str) and raw_sort:
        key = raw_sort.removeprefix("-")
        if key in sortable:
            sort, descending = key, raw_sort.startswith("-")
        else:
            notices.append(f"Ignored unknown sort column {raw_sort[:40]!r}.")
    page = 1
    if isinstance(raw_page, str) and raw_page:
        if raw_page.isdigit() and 1 <= int(raw_page) <= MAX_PAGE:
            page = int(raw_page)
        else:
            notices.append(f"Ignored the page number {raw_page[:40]!r}.")
    text = raw_text.strip()[:MAX_TEXT] if isinstance(raw_text, str) else ""
    return TableState(sort=sort, descending=descending, page=page, text=text, notices=tuple(notices))


def parse_table_search(search: object, sortable: tuple[str, ...]) -> TableState:
    """Parse the table part of a `?a=b` string (anything that is not a string gives the default table)."""
    pairs = parse_qsl(search.lstrip("?"), keep_blank_values=False) if isinstance(search, str) else []
    return parse_table_state(dict(pairs), sortable)


def table_state_query(state: TableState) -> dict[str, str]:
    """The query parameters for a table state, defaults left out."""
    params = {"sort": ("-" if state.descending else "") + state.sort if state.sort else "",
              "page": str(state.page) if state.page > 1 else "", "q": state.text}
    return {key: value for key, value in params.items() if value}


def with_table_query(search: str, state: TableState) -> str:
    """Append the table's parameters to a `?...` view-state search string."""
    extra = urlencode(table_state_query(state))
    if not extra:
        return search
    return f"{search}&{extra}" if search else f"?{extra}"


def sort_key(value: object) -> tuple:
    """Sort numbers as numbers and text case-insensitively; empty cells go last either way."""
    if value is None or value == "":
        return (2, 0, "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, value, "")
    return (1, 0, str(value).casefold())


def matches(row: dict, text: str) -> bool:
    """True if any shown cell of the row contains the text (case-insensitive); link targets are not searched."""
    needle = text.casefold()
    return any(needle in str(value).casefold() for key, value in row.items()
               if value is not None and not key.endswith(LINK_SUFFIX))


@dataclass(frozen=True)
class TablePage:
    """The rows of one page and where it sits in the whole table."""

    rows: list[dict]
    total: int
    page: int
    pages: int


def table_page(rows: list[dict], state: TableState, page_size: int = PAGE_SIZE) -> TablePage:
    """Filter, sort and cut `rows` for `state`; a page past the end shows the last page."""
    selected = [row for row in rows if matches(row, state.text)] if state.text else list(rows)
    if state.sort:
        present = [row for row in selected if row.get(state.sort) not in (None, "")]
        empty = [row for row in selected if row.get(state.sort) in (None, "")]
        present.sort(key=lambda row: sort_key(row.get(state.sort)), reverse=state.descending)
        selected = present + empty
    pages = max(1, -(-len(selected) // page_size))
    page = min(state.page, pages)
    start = (page - 1) * page_size
    return TablePage(rows=selected[start:start + page_size], total=len(selected), page=page, pages=pages)
