"""The aggregates as charts: SVG drawn on the server by pygal, put inline in the page.

No script and no inline style leave here, so the page works without JavaScript and under a strict
Content-Security-Policy: pygal's tooltip script (and the tooltips it drives) and its per-chart <style>
are taken out of each SVG; the same rules, written once for every chart (``.pygal-chart``), are served
as a stylesheet by ``stylesheet()``. Values are printed on the bars, since there is no hover.
Each chart also carries its figures as rows, which the page shows as a table for screen readers.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pygal
from markupsafe import Markup
from pygal.etree import etree
from pygal.style import Style

TOP = 10  # bars in the reasons, sellers and products charts
SERIES_STYLED = 8  # colours the shared stylesheet defines (.color-0 ... .color-7)
# Dark enough on white for text (WCAG AA), told apart without colour too: values are printed.
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2328",
    foreground_strong="#1f2328",
    foreground_subtle="#57606a",
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    colors=("#1f5fa8", "#b3261e", "#6b6f76", "#2e7d32", "#8a4baf", "#a15c00", "#00796b", "#5d4037"),
    value_font_size=14,
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    title_font_size=16,
    opacity=".9",
    opacity_hover=".9",
    transition="0s",
)
COMMON = dict(
    style=STYLE,
    js=[],  # no script from a CDN (pygal's default) or anywhere else
    disable_xml_declaration=True,
    print_values=True,
    print_zeroes=False,
    show_legend=False,
    width=720,
    height=360,
    truncate_label=-1,
    truncate_legend=-1,
    margin=16,
)


@dataclass
class Chart:
    """One chart: its heading, the SVG, and the same figures as (label, value) rows."""

    key: str
    title: str
    svg: Markup
    rows: list[tuple[str, str]] = field(default_factory=list)


def _inline(chart: pygal.graph.graph.Graph, title: str) -> Markup:
    """The chart's SVG without <script>, <style>, tooltips or comments, named for assistive technology."""
    root = chart.render_tree()
    for parent in root.iter():
        for child in list(parent):
            if child.tag in ("script", "style") or not isinstance(child.tag, str) or "tooltip-overlay" in child.get("class", ""):
                parent.remove(child)
    for name in root.iter("title"):  # pygal's is "Pygal" when the chart has no title of its own
        name.text = title
        break
    root.set("role", "img")
    root.set("aria-label", title)
    root.set("preserveAspectRatio", "xMinYMin meet")
    return Markup(etree.tostring(root, encoding="unicode"))


def _bars(kind, title: str, labels: list[str], values: list, **config) -> Markup:
    chart = kind(**{**COMMON, **config})  # no title inside: the page's heading names the chart
    chart.x_labels = labels
    chart.add(title, values)
    return _inline(chart, title)


def _percent(share) -> str:
    return f"{round(share * 100)}%"


def rating(figures: dict, words: dict) -> Chart:
    distribution = figures["rating"]["distribution"]
    labels = [words["stars"].format(n=stars) for stars in distribution]
    values = list(distribution.values())
    svg = _bars(pygal.Bar, words["chart_rating"], labels, values)
    return Chart("rating", words["chart_rating"], svg, list(zip(labels, map(str, values))))


def stances(figures: dict, words: dict) -> Chart:
    """Yes / no / not answered, as shares, for "would recommend" and "would buy again" side by side."""
    title, questions = words["chart_stances"], ("recommend", "buy_again")
    chart = pygal.HorizontalStackedBar(
        **{**COMMON, "show_legend": True, "legend_at_bottom": True, "height": 260, "range": (0, 1)}
    )
    chart.value_formatter = lambda share: _percent(share) if share else ""  # no "0%" drawn on nothing
    chart.x_labels = [words[question] for question in questions]
    rows = []
    for stance in ("yes", "no", "unknown"):
        shares = [figures[question][stance]["share"] for question in questions]
        chart.add(words[f"stance_{stance}"], shares)
        rows += [
            (f"{words[question]}: {words[f'stance_{stance}']}", f"{figures[question][stance]['count']} ({_percent(share)})")
            for question, share in zip(questions, shares)
        ]
    return Chart("stances", title, _inline(chart, title), rows)


def _ranking(key: str, title: str, items: list[tuple[str, int]]) -> Chart:
    items = items[:TOP]
    labels, values = [label for label, _ in items], [count for _, count in items]
    # pygal's horizontal bars run bottom-up: reversed, the largest is on top, as in the table.
    svg = _bars(pygal.HorizontalBar, title, labels[::-1], values[::-1], height=max(160, 60 + 34 * len(items)))
    return Chart(key, title, svg, [(label, str(count)) for label, count in items])


def reasons(figures: dict, words: dict) -> Chart:
    return _ranking("reasons", words["chart_reasons"], [(r["label"], r["count"]) for r in figures["reasons"]])


def sellers(figures: dict, words: dict) -> Chart:
    items = [(s["seller"] or words["none"], s["count"]) for s in figures["by_seller"]]
    return _ranking("sellers", words["chart_sellers"], items)


def products(figures: dict, words: dict) -> Chart:
    return _ranking("products", words["chart_products"], [(p["title"] or p["product"], p["count"]) for p in figures["by_product"]])


def weekly(figures: dict, words: dict) -> Chart:
    weeks = figures["weekly"]
    labels, values = [w["week"] for w in weeks], [w["count"] for w in weeks]
    many = len(weeks) > 12
    svg = _bars(
        pygal.Bar, words["chart_weekly"], labels, values,
        x_label_rotation=30 if many else 0, show_minor_x_labels=not many, x_labels_major_every=4 if many else None,
        print_values=not many,
    )
    return Chart("weekly", words["chart_weekly"], svg, list(zip(labels, map(str, values))))


def all_charts(figures: dict, words: dict) -> list[Chart]:
    if not figures["count"]:
        return []
    return [builder(figures, words) for builder in (rating, stances, reasons, weekly, sellers, products)]


@functools.cache
def stylesheet() -> str:
    """pygal's CSS for one chart, rewritten to apply to every chart of the page (``.pygal-chart``)."""
    chart = pygal.Bar(**COMMON)
    for i in range(SERIES_STYLED):
        chart.add(str(i), [i])
    root = chart.render_tree()
    css = "\n".join(style.text or "" for style in root.iter("style"))
    return re.sub(r"#chart-[0-9a-f-]+", ".pygal-chart", css)
