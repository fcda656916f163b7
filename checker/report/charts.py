"""Inline SVG charts for the HTML report: drawn server-side, no script, no network.

Each function returns markup (escaped text inside) or "" when there is nothing to draw,
so a report never shows an empty or broken chart when a policy did not report a figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

OK, BAD, TARGET, AXIS, MUTED = "#2e7d32", "#c62828", "#1565c0", "#555", "#888"


def num(value: object) -> float | None:
    """A figure as a float (policies may give "99.998" as a string), None when not a number."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(str(value))
    except ValueError:
        return None


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values a person would draw (steps of 1, 2 or 5 x 10^k) covering lo..hi."""
    import math

    if hi <= lo:
        hi = lo + 1.0
    raw = (hi - lo) / max(1, count)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    ticks, t = [], first
    while t < hi + step * 0.999:
        ticks.append(round(t, 10))
        t += step
    return ticks


def fmt(value: float) -> str:
    """Stable short text for a figure: no trailing zeros, at most 4 decimals."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    target: float | None = None
    note: str = ""  # text after the bar, e.g. "111 / 113 hosts"
    good: bool = True


def _svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
    )
    return Markup(head + "".join(body) + "</svg>")


def hbars(title: str, bars: Sequence[Bar], *, label_width: int = 230, width: int = 760) -> Markup:
    """Horizontal bars, one per row, with an optional target tick (contracted amount)."""
    if not bars:
        return Markup("")
    row, plot = 26, width - label_width - 170
    top = max(max(b.value, b.target or 0) for b in bars) or 1.0
    body = []
    for i, b in enumerate(bars):
        y = 8 + i * row
        w = max(0.0, b.value) / top * plot
        colour = OK if b.good else BAD
        body.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" class="lbl">{escape(b.label)}</text>'
        )
        body.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="16" fill="{colour}"/>'
        )
        if b.target is not None:
            tx = label_width + b.target / top * plot
            body.append(
                f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y}" y2="{y + 22}" stroke="{TARGET}" '
                'stroke-width="2"/>'
            )
        body.append(
            f'<text x="{label_width + plot + 8}" y="{y + 15}" class="val">{escape(b.note or fmt(b.value))}</text>'
        )
    height = 16 + len(bars) * row
    return _svg(width, height, title, body)


def columns(
    title: str,
    points: Sequence[tuple[str, float]],
    *,
    threshold: float | None,
    higher_is_better: bool,
    unit: str,
    floor: float | None = None,
    width: int = 760,
    height: int = 240,
) -> Markup:
    """Vertical bars per month against a threshold line (red when on the wrong side)."""
    if not points:
        return Markup("")
    left, right, top_pad, bottom = 64, 16, 16, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    values = [v for _, v in points] + ([threshold] if threshold is not None else [])
    lo = floor if floor is not None else 0.0
    lo = min(lo, *values)
    ticks = nice_ticks(lo, max(values) * 1.05 if max(values) > 0 else 1.0)
    lo, hi = ticks[0], ticks[-1]

    def y_of(v: float) -> float:
        return top_pad + plot_h - (v - lo) / (hi - lo) * plot_h

    body = [
        f'<line x1="{left}" x2="{left}" y1="{top_pad}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>',
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top_pad + plot_h}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>',
    ]
    body.extend(
        f'<text x="{left - 6}" y="{y_of(tick) + 4:.1f}" text-anchor="end" class="tick">{fmt(tick)}</text>'
        for tick in ticks
    )
    slot = plot_w / len(points)
    bar_w = max(4.0, slot * 0.6)
    for i, (label, v) in enumerate(points):
        good = threshold is None or (v >= threshold if higher_is_better else v <= threshold)
        x = left + i * slot + (slot - bar_w) / 2
        y = y_of(v)
        body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{top_pad + plot_h - y:.1f}" '
            f'fill="{OK if good else BAD}"><title>{escape(label)}: {fmt(v)} {escape(unit)}</title></rect>'
        )
        body.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{top_pad + plot_h + 14}" text-anchor="middle" '
            f'class="tick">{escape(label[2:] if len(label) == 7 else label)}</text>'
        )
    if threshold is not None:
        ty = y_of(threshold)
        body.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="{TARGET}" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        body.append(
            f'<text x="{left + plot_w}" y="{ty - 4:.1f}" text-anchor="end" class="val">'
            f"{fmt(threshold)} {escape(unit)}</text>"
        )
    body.append(f'<text x="{left}" y="{height - 6}" class="tick">{escape(unit)}</text>')
    return _svg(width, height, title, body)


def cumulative(
    title: str,
    months: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    budget: float,
    unit: str,
    budget_label: str,
    width: int = 760,
    height: int = 300,
) -> Markup:
    """Cumulative downtime per system over the months, against the year's budget: a line
    turns red from the month it passes the budget; round ticks from 0."""
    if not months or not series:
        return Markup("")
    left, right, top_pad, bottom = 56, 70, 16, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    top = max([budget] + [max(v) for _, v in series if v])
    ticks = nice_ticks(0.0, top * 1.05)
    hi = ticks[-1] or 1.0

    def y_of(v: float) -> float:
        return top_pad + plot_h - v / hi * plot_h

    def x_of(i: int) -> float:
        return left + (i + 0.5) * plot_w / len(months)

    body = [
        f'<line x1="{left}" x2="{left}" y1="{top_pad}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>',
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top_pad + plot_h}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>',
    ]
    for tick in ticks:
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y_of(tick):.1f}" y2="{y_of(tick):.1f}" '
                    'stroke="#eee"/>')
        body.append(f'<text x="{left - 6}" y="{y_of(tick) + 4:.1f}" text-anchor="end" class="tick">'
                    f"{fmt(tick)}</text>")
    for i, label in enumerate(months):
        body.append(f'<text x="{x_of(i):.1f}" y="{top_pad + plot_h + 14}" text-anchor="middle" '
                    f'class="tick">{escape(label[2:] if len(label) == 7 else label)}</text>')
    ty = y_of(budget)
    body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="{TARGET}" '
                'stroke-width="2" stroke-dasharray="6 4"/>')
    body.append(f'<text x="{left + 4}" y="{ty - 5:.1f}" class="val">{escape(budget_label)}</text>')
    ends = sorted(((y_of(v[-1]), name, v[-1]) for name, v in series if v), reverse=True)
    placed: list[tuple[float, str, float]] = []
    for y, name, v in ends:  # bottom up, at least 12 px apart
        y = min(y, placed[-1][0] - 12) if placed else y
        placed.append((y, name, v))
    for y, name, v in placed:
        body.append(f'<text x="{x_of(len(months) - 1) + 8:.1f}" y="{y + 4:.1f}" class="lbl">'
                    f"{escape(name)} {fmt(v)}</text>")
    for name, values in series:
        pts = [(x_of(i), y_of(v), v) for i, v in enumerate(values)]
        for (x1, y1, v1), (x2, y2, v2) in zip(pts, pts[1:], strict=False):
            colour = BAD if v2 > budget else OK
            body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                        f'stroke="{colour}" stroke-width="2"/>')
        for x, y, v in pts:
            colour = BAD if v > budget else OK
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                        f"<title>{escape(name)}: {fmt(v)} {escape(unit)}</title></circle>")
    body.append(f'<text x="{left}" y="{height - 6}" class="tick">{escape(unit)}</text>')
    return _svg(width, height, title, body)
