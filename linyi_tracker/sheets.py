"""The printed page of a workbook the tool writes (the report's and the template's).

One set-up for both, so a template and a report print alike: A4 landscape, as many pages
down as it takes but one page wide, narrow side margins, the header rows on every page.
openpyxl is imported by the callers, which alone write workbooks.
"""

from __future__ import annotations

from typing import Any


def a4_landscape(ws: Any, title_rows: str) -> None:
    """Set ``ws`` to print on A4 landscape, one page wide, repeating ``title_rows`` ("1:1")."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
