"""Charts as SVG markup drawn on the server: nothing to download, nothing to run in the page.

Colours come from the stylesheet (classes ``bar``, ``bar-b``, ``line``, ``axis`` …), so the
markup carries no inline style and passes the page's Content-Security-Policy. Every text is
escaped; each bar and point has a ``<title>`` with its exact value (a tooltip).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 40, 48


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** len(str(int(value))) / 10
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"


def _frame(title: str, y_max: float, body: list[str], labels: Sequence[str], slot: float) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<text class="title" x="{LEFT}" y="20">{escape(title)}</text>',
    ]
    for i in range(5):  # horizontal grid lines with their values
        value = y_max * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(_number(value))}</text>"
        )
    parts += body
    for i, label in enumerate(labels):
        x = LEFT + slot * (i + 0.5)
        parts.append(
            f'<text class="label" x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    parts.append(
        f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" '
        f'y2="{TOP + plot_h}"/></svg>'
    )
    return "".join(parts)


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], unit: str = "") -> str:
    """One bar per label (e.g. people per grade), its value written above it."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    y_max = _nice_max(max(values, default=0))
    slot = plot_w / max(len(values), 1)
    body = []
    for i, value in enumerate(values):
        h = plot_h * value / y_max
        x, y = LEFT + slot * i + slot * 0.2, TOP + plot_h - h
        text = f"{labels[i]}: {_number(value)}{unit}"
        body.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{slot * 0.6:.1f}" '
            f'height="{h:.1f}"><title>{escape(text)}</title></rect>'
            f'<text class="value" x="{x + slot * 0.3:.1f}" y="{y - 4:.1f}" '
            f'text-anchor="middle">{escape(_number(value))}</text>'
        )
    return _frame(title, y_max, body, labels, slot)


def paired_bars(
    title: str,
    labels: Sequence[str],
    first: Sequence[float | None],
    second: Sequence[float | None],
    names: tuple[str, str],
) -> str:
    """Two bars per label (this year's beside last year's), with a legend; None draws none."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    known = [v for v in (*first, *second) if v is not None]
    y_max = _nice_max(max(known, default=0))
    slot = plot_w / max(len(labels), 1)
    body = []
    for i in range(len(labels)):
        for j, (series, css) in enumerate(((first, "bar"), (second, "bar-b"))):
            value = series[i]
            if value is None:
                continue
            h = plot_h * value / y_max
            x = LEFT + slot * i + slot * (0.12 + 0.38 * j)
            text = f"{labels[i]} {names[j]}: {_number(value)}"
            body.append(
                f'<rect class="{css}" x="{x:.1f}" y="{TOP + plot_h - h:.1f}" '
                f'width="{slot * 0.36:.1f}" height="{h:.1f}"><title>{escape(text)}</title></rect>'
            )
    for j, (name, css) in enumerate(((names[0], "bar"), (names[1], "bar-b"))):
        x = LEFT + 8 + j * 130
        body.append(
            f'<rect class="{css}" x="{x}" y="{HEIGHT - 18}" width="12" height="12"/>'
            f'<text class="legend" x="{x + 18}" y="{HEIGHT - 8}">{escape(name)}</text>'
        )
    return _frame(title, y_max, body, labels, slot)


def line_chart(
    title: str, labels: Sequence[str], values: Sequence[float | None], y_max: float = 100
) -> str:
    """A line through the values (a person's total by month); a gap where a value is None."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(labels), 1)
    body: list[str] = []
    run: list[str] = []
    for i, value in enumerate([*values, None]):
        if value is None:
            if len(run) > 1:
                body.append(f'<polyline class="line" points="{" ".join(run)}"/>')
            run = []
            continue
        x, y = LEFT + slot * (i + 0.5), TOP + plot_h - plot_h * value / y_max
        run.append(f"{x:.1f},{y:.1f}")
        body.append(
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="4">'
            f"<title>{escape(f'{labels[i]}: {value:g}')}</title></circle>"
        )
    return _frame(title, y_max, body, labels, slot)
