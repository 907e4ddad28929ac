"""How a sheet prints on A4 landscape: legible, its key columns on every page.

A sheet fitted to one page width shrinks with its width: a detail sheet of 25
columns printed at 5 pt. So a sheet prints at a fixed scale instead, never under
MIN_SCALE (11 pt cells print at 8.8 pt or more, header and footer alike). A sheet
too wide for one page at that scale is split the way official tables are split:
between column groups (a kind's five columns stay together), its key columns
(STT, name, commune) repeated on every page, pages numbered across then down so
that the parts of the same rows follow one another.
"""

from __future__ import annotations

from dataclasses import dataclass

A4_LANDSCAPE_PT = 841.9
MARGINS_IN = (0.5, 0.4)  # left, right
MIN_SCALE = 80
# Room left for a machine whose fallback for Calibri (the width unit of columns) is a
# little wider; a much wider one (DejaVu Sans) splits a sheet over more pages, at the
# same legible scale.
FILL = 0.94
FOOTER = '&C&"Times New Roman,Regular"&11Trang &P/&N'


def column_pixels(width: float) -> int:
    """The width on screen of a column `width` characters wide (Calibri 11: 7 px a digit, 5 px padding)."""
    return int(width * 7 + 0.5) + 5


def column_points(width: float) -> float:
    """The printed width of that column at 100 %."""
    return column_pixels(width) * 0.75


@dataclass(frozen=True)
class PagePlan:
    scale: int
    breaks: tuple[int, ...] = ()  # the first column of each page after the first
    keys: int = 0  # columns repeated on every page

    def first_page_columns(self, width: int) -> int:
        return self.breaks[0] if self.breaks else width


def plan_pages(widths: list[float], blocks: list[tuple[int, int]] | None = None, keys: int = 0) -> PagePlan:
    """The scale and column breaks that print columns of these widths legibly.

    blocks are (first, last) column ranges that stay on one page, in order; by default
    each column is its own. The first `keys` columns repeat on every page after the first."""
    room = (A4_LANDSCAPE_PT - 72 * sum(MARGINS_IN)) * FILL
    points = [column_points(w) for w in widths]
    total = sum(points)
    if total * MIN_SCALE / 100 <= room:
        return PagePlan(min(100, int(room * 100 / total)))
    room = room * 100 / MIN_SCALE
    key_points = sum(points[:keys])
    blocks = blocks or [(c, c) for c in range(len(widths))]
    breaks: list[int] = []
    used = 0.0
    for first, last in blocks:
        size = sum(points[first:last + 1])
        if used and used + size > room and first >= keys:
            breaks.append(first)
            used = key_points
        used += size
    return PagePlan(MIN_SCALE, tuple(breaks), keys if breaks else 0)


def print_setup(ws, header_rows: tuple[int, int] | None, plan: PagePlan) -> None:
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.set_print_scale(plan.scale)
    ws.set_margins(left=MARGINS_IN[0], right=MARGINS_IN[1], top=0.6, bottom=0.6)
    if header_rows is not None:
        ws.repeat_rows(*header_rows)
    if plan.breaks:
        if plan.keys:
            ws.repeat_columns(0, plan.keys - 1)
        ws.set_v_pagebreaks(list(plan.breaks))
        ws.print_across()
    else:
        ws.center_horizontally()
    ws.set_footer(FOOTER)


def set_widths(ws, widths: list[float]) -> None:
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
