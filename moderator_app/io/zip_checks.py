"""What a workbook's zip holds, measured before any spreadsheet reader parses it.

An xlsx is a zip of XML parts, and both can lie. The zip's directory declares each part's
size (a zip bomb declares little and inflates to gigabytes), and a sheet declares its
extent in ``<dimension ref="A1:XFD1048576"/>`` (too large for a sheet of one cell, or
``A1`` for a million rows). Nothing declared is trusted here: each part is inflated
(a stream, never all in memory), its real size counted against the limits as it comes,
and a sheet's extent is taken from its cells' own references: the reader fills the grid
from A1 to the farthest cell, so one value in XFD1048576 alone costs 512 GB. The shared
strings are counted the same way. A file over any limit is refused before it is parsed;
what the counts cannot see (an .xls, an .xlsb, an odd generator) is still parsed in a
child process with memory and time limits (``safe_read``).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from itertools import repeat
from pathlib import Path

from moderator_app.core.refusal import Refusal
from moderator_app.io.file_checks import MB, Limits
from moderator_app.io.table_errors import TableError, too_large, unreadable_workbook

_IN_CHUNK = 1 * MB
_OUT_CHUNK = 4 * MB
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length

# A cell's reference attribute (`<c r="AB12"`; rows' own `r` hold digits only). From
# its literal end, which is fast to search for: the attributes it matches beyond
# references (any name ending in r, whatever the space before it) only add to a bound.
_CELL_REF = re.compile(rb'r="([A-Z]+)([0-9]+)"')
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="([0-9]+)"')
# A reference past Z99999: absent from most sheets, whose cells then span at most
# 26 x 99,999 (under the cell limit), which one search of the XML proves. It starts
# with a literal (fast to search for) and matches more than references (any attribute
# ending in r): a false match only costs an exact scan.
_FAR_REF = re.compile(rb'r="(?:[A-Z]{2}|[A-Z][0-9]{6})')
QUICK_COLUMNS, QUICK_ROWS = 26, 99_999


class _NeedsExact(Exception):
    """A sheet has references past the quick bound: scan it again, exactly."""


def _cell_tags(xml: bytes) -> int:
    return xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/")


def column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SheetScan:
    """The extent and cell count of one worksheet, from the XML as it streams by.

    The declared ``<dimension>`` is not read: the reader itself ignores it and fills
    the grid up to the farthest cell it meets, so only the cells' references count.
    Quick mode proves the common case (nothing past Z99999) with one search; a sheet
    that has such references is scanned again exactly (every reference read).
    """

    def __init__(self, *, exact: bool = False) -> None:
        self.exact = exact
        self.cells = 0
        self.rows = 0  # <row> elements, in exact mode
        self.max_row = 0
        self.max_col = 0
        self._numbered = 0  # the largest <row r>
        self._unnumbered_width = 0  # the most cells without a reference in one row
        self._carry = b""

    def feed(self, data: bytes, *, last: bool = False) -> None:
        data = self._carry + data if self._carry else data
        cut = len(data) if last else data.rfind(b">") + 1  # tags are never split
        piece, self._carry = data[:cut], data[cut:]
        if len(self._carry) > _OUT_CHUNK:  # a "tag" of megabytes is no sheet
            piece, self._carry = data, b""
        if not piece:
            return
        if not self.exact:
            self.cells += piece.count(b"<c ")
            if _FAR_REF.search(piece) or b"<c>" in piece or b"<c/>" in piece:
                raise _NeedsExact
            if b'r="' in piece:
                self.max_row, self.max_col = QUICK_ROWS, QUICK_COLUMNS
            return
        tags = _cell_tags(piece)
        self.cells += tags
        refs = _CELL_REF.findall(piece)
        if refs:
            widest = max({letters for letters, _ in refs}, key=lambda c: (len(c), c))
            self.max_col = max(self.max_col, column_number(widest))
            self.max_row = max(self.max_row, max(map(int, {digits for _, digits in refs})))
        self.rows += piece.count(b"<row")
        self._numbered = max(self._numbered, max(map(int, _ROW_REF.findall(piece)), default=0))
        if tags > len(refs):
            # Cells without a reference sit after the cell before them, in the row their
            # <row r> says or the one after the row before: bound them by counting.
            # Inside <sheetData>, "<c" opens nothing but a cell; map keeps the loop in C.
            width = max(map(bytes.count, piece.split(b"</row>"), repeat(b"<c")))
            self._unnumbered_width = max(self._unnumbered_width, width)

    @property
    def last_row(self) -> int:
        if self._unnumbered_width:
            return max(self.max_row, self._numbered + self.rows)
        return self.max_row

    @property
    def last_column(self) -> int:
        return self.max_col + self._unnumbered_width

    @property
    def area(self) -> int:
        return self.last_row * self.last_column


class _Strings:
    """Counts the shared strings (<si> elements) as the part streams by."""

    def __init__(self) -> None:
        self.count = 0
        self._carry = b""

    def feed(self, data: bytes, *, last: bool = False) -> None:
        data = self._carry + data
        cut = len(data) if last else data.rfind(b">") + 1
        piece, self._carry = data[:cut], data[cut:]
        if len(self._carry) > _OUT_CHUNK:
            piece, self._carry = data, b""
        self.count += sum(piece.count(t) for t in (b"<si>", b"<si ", b":si>", b":si "))


def _is_sheet(name: str) -> bool:
    return "sheets/" in name and name.endswith(".xml")


def check_workbook_zip(path: Path, limits: Limits) -> None:
    """Refuse (FileRefused) a zip workbook over the limits; TableError if it is no zip."""
    try:
        book = zipfile.ZipFile(path)
    # NotImplementedError: an entry claiming a zip version zipfile does not know.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError,
            NotImplementedError) as exc:
        raise unreadable_workbook(path, str(exc) or type(exc).__name__) from None
    except OSError as exc:
        raise unreadable_workbook(path, exc.strerror or str(exc)) from None
    with book:
        infos = book.infolist()
        if len(infos) > limits.members:
            raise too_large(path, Refusal("{0} parts in its zip, over the {1} limit",
                                          len(infos), limits.members))
        declared = sum(i.file_size for i in infos)
        if declared > limits.unpacked_bytes:
            raise too_large(path, _unpacked(declared, limits))
        total = 0
        try:
            with path.open("rb") as raw:
                for info in infos:
                    try:
                        total = _inflate(path, raw, info, total, limits)
                    except _NeedsExact:
                        total = _inflate(path, raw, info, total, limits, exact=True)
        except TableError:
            raise  # a refusal already (a Refusal is a ValueError): said as it is
        except (OSError, ValueError, OverflowError, struct.error) as exc:
            # A directory pointing outside the file, at a negative offset...
            raise unreadable_workbook(path, str(exc) or type(exc).__name__) from None


def _unpacked(size: int, limits: Limits) -> Refusal:
    return Refusal("it unpacks to {0:,} MB or more, over the {1} MB limit", size // MB,
                   limits.unpacked_bytes // MB)


def _inflate(
    path: Path, raw, info: zipfile.ZipInfo, total: int, limits: Limits, *, exact: bool = False
) -> int:
    """Inflate one part, counting; the new running total of unpacked bytes."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise unreadable_workbook(path, f"{name} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise unreadable_workbook(path, f"{name} uses compression method {info.compress_type}")
    raw.seek(info.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise unreadable_workbook(path, f"{name}: bad local header")
    _sig, name_len, extra_len = _LOCAL_HEADER.unpack(header)
    raw.seek(info.header_offset + _LOCAL_HEADER.size + name_len + extra_len)

    scan: SheetScan | _Strings | None = None
    if _is_sheet(name):
        # The quick bound proves nothing under a cell limit smaller than itself.
        scan = SheetScan(exact=exact or limits.cells < QUICK_ROWS * QUICK_COLUMNS)
    elif name.endswith("sharedStrings.xml"):
        scan = _Strings()
    feed: Callable[..., None] | None = scan.feed if scan is not None else None

    remaining = info.compress_size
    packed = max(info.compress_size, 1)
    produced = 0
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    while True:
        if inflater is not None and inflater.unconsumed_tail:
            data = inflater.unconsumed_tail
        elif remaining > 0:
            data = raw.read(min(_IN_CHUNK, remaining))
            if not data:
                raise unreadable_workbook(path, f"{name} is cut short")
            remaining -= len(data)
        else:
            data = b""
        if inflater is None:
            out = data
        else:
            try:
                out = inflater.decompress(data, _OUT_CHUNK)
            except zlib.error as exc:
                raise unreadable_workbook(path, f"{name}: {exc}") from None
        produced += len(out)
        total += len(out)
        if total > limits.unpacked_bytes:
            raise too_large(path, _unpacked(total, limits))
        if produced > limits.ratio_floor and produced > limits.ratio * packed:
            raise too_large(path, Refusal("{0} is packed more than {1} to 1", name, limits.ratio))
        if feed is not None and out:
            feed(out)
            _check_scan(path, name, scan, limits)
        if inflater is None:
            if remaining <= 0:
                break
        elif inflater.eof:
            break
        elif not out and not data:
            raise unreadable_workbook(path, f"{name} is cut short")
    if feed is not None:
        feed(b"", last=True)
        _check_scan(path, name, scan, limits)
    return total


def _check_scan(path: Path, name: str, scan, limits: Limits) -> None:
    if isinstance(scan, SheetScan):
        if scan.cells > limits.cells:
            raise too_large(path, Refusal("{0} holds more than {1:,} cells", name, limits.cells))
        if scan.area > limits.cells:
            raise too_large(
                path,
                Refusal("{0} reaches row {1:,} and column {2}: more than {3:,} cells to fill",
                        name, scan.last_row, column_letters(scan.last_column), limits.cells),
            )
    elif isinstance(scan, _Strings) and scan.count > limits.strings:
        raise too_large(path, Refusal("more than {0:,} shared strings", limits.strings))
