"""Charts for the documents, drawn with matplotlib's object API (no pyplot, no global state).

Text is drawn in a Simplified Chinese font (``fonts.chart_font``); ``axes.unicode_minus`` is
off because CJK fonts lack the Unicode minus sign. A glyph the font lacks makes matplotlib
warn; the tests turn that warning into an error. With no Chinese font at all the warnings are
silenced here: the document job says so once, with how to install one (``font_check``).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from logistics.core.safe_text import terminal_text
from reports import fonts
from reports.render import Chart
from words import word

THIS_YEAR = "#2F5597"
LAST_YEAR = "#A5B8D6"
GRADE_COLOURS = ("#2E7D32", "#1565C0", "#F9A825", "#C62828")  # excellent, good, pass, fail
DPI = 150


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        if fonts.chart_font() is None:  # one message from the job, not one per glyph
            warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _figure(width_in: float, height_in: float) -> Figure:
    return Figure(figsize=(width_in, height_in), layout="constrained")


def _rc() -> dict[Any, Any]:
    family = fonts.chart_font()
    faces = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    return {
        "font.family": "sans-serif",
        "font.sans-serif": faces,
        "axes.unicode_minus": False,
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _bars_with_last_year(
    ax: Axes,
    labels: Sequence[str],
    this_year: Sequence[float | None],
    last_year: Sequence[float | None],
    lang: str,
    *,
    legend: bool = True,
) -> None:
    xs = range(len(labels))
    width = 0.4
    ax.bar(
        [x - width / 2 for x in xs],
        [v or 0 for v in last_year],
        width,
        color=LAST_YEAR,
        label=word(lang, "last_year"),
    )
    ax.bar(
        [x + width / 2 for x in xs],
        [v or 0 for v in this_year],
        width,
        color=THIS_YEAR,
        label=word(lang, "this_period"),
    )
    ax.set_xticks(list(xs), [terminal_text(x) for x in labels])  # typed meter names
    ax.grid(axis="y", alpha=0.3)
    if legend:
        ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def energy_chart(
    months: Sequence[str],
    electricity: Sequence[float | None],
    electricity_last: Sequence[float | None],
    water: Sequence[float | None],
    water_last: Sequence[float | None],
    lang: str,
) -> Chart:
    """Monthly electricity and water use, each beside the same month last year."""
    with rc_context(_rc()):
        fig = _figure(7.0, 4.6)
        top, bottom = fig.subplots(2, 1)
        _bars_with_last_year(top, months, electricity, electricity_last, lang)
        top.set_title(word(lang, "electricity_per_month_kwh"))
        _bars_with_last_year(bottom, months, water, water_last, lang)
        bottom.set_title(word(lang, "water_per_month_m"))
        return Chart(_png(fig), 165)


def meter_chart(
    meters: Sequence[str],
    kinds: Sequence[str],
    usage: Sequence[float | None],
    last_year: Sequence[float | None],
    lang: str,
) -> Chart:
    """This month's use per meter beside the same month last year, one panel per unit."""
    panels = [k for k in ("electricity", "water") if k in kinds]
    titles = {
        "electricity": word(lang, "electricity_meters_kwh"),
        "water": word(lang, "water_meters_m"),
    }
    with rc_context(_rc()):
        fig = _figure(7.0, 2.6)
        axes = fig.subplots(1, max(len(panels), 1), squeeze=False)[0]
        for ax, kind in zip(axes, panels, strict=False):
            idx = [i for i, k in enumerate(kinds) if k == kind]
            _bars_with_last_year(
                ax,
                [meters[i] for i in idx],
                [usage[i] for i in idx],
                [last_year[i] for i in idx],
                lang,
                legend=kind == panels[-1],
            )
            ax.set_title(titles[kind])
            ax.tick_params(axis="x", labelsize=7)
        return Chart(_png(fig), 165)


def grade_chart(labels: Sequence[str], counts: Sequence[int], lang: str) -> Chart:
    """Number of people per grade."""
    with rc_context(_rc()):
        fig = _figure(5.0, 2.2)
        ax = fig.subplots()
        bars = ax.bar(list(labels), list(counts), color=GRADE_COLOURS[: len(labels)], width=0.6)
        ax.bar_label(bars, padding=2)
        ax.set_ylabel(word(lang, "staff"))
        ax.set_title(word(lang, "annual_grades"))
        ax.set_ylim(0, max([*counts, 1]) * 1.2)
        return Chart(_png(fig), 90)


def trend_chart(
    months: Sequence[str],
    mean: Sequence[float | None],
    low: Sequence[float | None],
    high: Sequence[float | None],
    lang: str,
) -> Chart:
    """The mean monthly total with the lowest and highest total of each month."""
    with rc_context(_rc()):
        fig = _figure(7.0, 2.8)
        ax = fig.subplots()
        xs = [i for i, v in enumerate(mean) if v is not None]
        ax.fill_between(
            xs,
            [low[i] or 0 for i in xs],
            [high[i] or 0 for i in xs],
            color=LAST_YEAR,
            alpha=0.45,
            label=word(lang, "lowest_highest"),
        )
        ax.plot(
            xs,
            [mean[i] or 0 for i in xs],
            marker="o",
            color=THIS_YEAR,
            label=word(lang, "mean"),
        )
        for x in xs:
            ax.annotate(
                f"{mean[x]:.1f}",
                (x, mean[x] or 0),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=7,
            )
        ax.set_xticks(range(len(months)), list(months))
        ax.set_ylim(max(0.0, min([v for v in low if v is not None] or [0]) - 5), 100)
        ax.grid(axis="y", alpha=0.3)
        ax.legend(frameon=False, fontsize=8, loc="lower right")
        ax.set_title(word(lang, "monthly_scores"))
        return Chart(_png(fig), 165)
