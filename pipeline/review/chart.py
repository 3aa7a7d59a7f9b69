"""Geometry of the tracker's chart: stance counts per report as stacked bars.

Pure numbers for the template to draw as inline SVG (no script, no network):
one row per report, one rectangle per stance with a count, widths scaled to
the report with the most stances.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

LABEL_W = 300
BAR_W = 440
ROW_H = 24
BAR_H = 16
TOP = 8
LEGEND_H = 28
MAX_LABEL = 42
CHAR_W = 7  # width of a legend character at 12px, roughly


@dataclass(frozen=True)
class Bar:
    stance: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Row:
    report: str
    short: str
    total: int
    y: int
    bars: list[Bar] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    rows: list[Row]
    width: int
    height: int
    legend_y: int
    legend: list[tuple[str, int]]  # (stance, x) of each legend entry

    @property
    def label_w(self) -> int:
        return LABEL_W

    @property
    def bar_h(self) -> int:
        return BAR_H


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def stacked(counts: dict[str, Counter], stances: tuple[str, ...]) -> Chart:
    """Bars for ``counts`` (report -> stance -> n), reports by most stances first, then by name."""
    most = max((sum(c.values()) for c in counts.values()), default=0)
    scale = BAR_W / most if most else 0.0
    rows = []
    for i, (report, c) in enumerate(sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))):
        x = float(LABEL_W)
        bars = []
        for s in stances:
            if c.get(s):
                w = c[s] * scale
                bars.append(Bar(s, c[s], round(x, 2), round(w, 2)))
                x += w
        rows.append(Row(report, _short(report), sum(c.values()), TOP + i * ROW_H, bars))
    legend_y = TOP + len(rows) * ROW_H + 8
    legend, x = [], 0
    for s in stances:
        legend.append((s, x))
        x += 24 + CHAR_W * len(s)
    return Chart(rows, max(LABEL_W + BAR_W + 60, LABEL_W + x), legend_y + LEGEND_H, legend_y, legend)
