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
    hi = max(values)
    if hi <= lo:
        hi = lo + 1.0
    span = hi - lo
    hi += span * 0.08
    if lo > 0:  # a zoomed axis (availability): keep the lowest bar visible
        lo -= span * 0.1

    def y_of(v: float) -> float:
        return top_pad + plot_h - (v - lo) / (hi - lo) * plot_h

    body = [
        f'<line x1="{left}" x2="{left}" y1="{top_pad}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>',
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top_pad + plot_h}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>',
    ]
    body.extend(
        f'<text x="{left - 6}" y="{y_of(tick) + 4:.1f}" text-anchor="end" class="tick">{fmt(tick)}</text>'
        for tick in (lo, (lo + hi) / 2, hi)
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
