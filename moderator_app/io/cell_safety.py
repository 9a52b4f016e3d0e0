"""Text written to spreadsheets must never run as a formula there.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``, ``-`` or
``@`` (and tab or carriage return, which some of them strip first) as a formula. Such
text gets a leading apostrophe on export, and our importers remove it again, so a title
like ``=HYPERLINK(...)`` or ``-- pause --`` comes back byte for byte.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def guard(text: str) -> str:
    return GUARD + text if text.startswith(FORMULA_STARTS) else text


def unguard(text: str) -> str:
    if text.startswith(GUARD) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
