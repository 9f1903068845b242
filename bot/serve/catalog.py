"""The documents list by issuing body and year: the facets a portal or the page picks a report family by.

Each facet counts the reports that the other filter lets through (faceted navigation): picking a year
shows how many reports each body has in that year, and still every year the chosen body has. Bodies are
compared in simplified characters, so a filter typed in either script finds a report in the other; counts
are keyed by the names as the reports spell them.
"""

from __future__ import annotations

from collections import Counter

from bot.text import to_simplified


def _body_fits(entry: dict, body: str | None) -> bool:
    return body is None or to_simplified(str(entry.get("body") or "")) == to_simplified(body)


def _year_fits(entry: dict, year: int | None) -> bool:
    return year is None or entry.get("year") == year


def facet(documents: list[dict], body: str | None = None, year: int | None = None) -> dict:
    """`{"documents": [...], "facets": {"bodies": {name: count}, "years": {year: count}}}` for the filters."""
    bodies = Counter(str(d["body"]) for d in documents if d.get("body") and _year_fits(d, year))
    years = Counter(str(d["year"]) for d in documents if d.get("year") and _body_fits(d, body))
    listed = [d for d in documents if _body_fits(d, body) and _year_fits(d, year)]
    return {
        "documents": listed,
        "facets": {"bodies": dict(sorted(bodies.items())), "years": dict(sorted(years.items()))},
    }
