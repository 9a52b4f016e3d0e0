"""Hostile spreadsheets, made in a few milliseconds and a few kilobytes on disk.

Each writes a real file that, read naively (python-calamine on the whole file, a plain
``read_bytes``), aborts or hangs the process that reads it:

- ``lying_dimension_xlsx``: 1.6 KB; its ``<dimension ref="A1:XFD1048576"/>`` is true
  to one cell in XFD1048576, and the reader allocates 512 GB for the grid (abort, 134);
- ``far_cell_xlsx``: the same cell, under a dimension that claims ``A1:C3``;
- ``huge_dimension_xlsx``: a real little question list under a dimension claiming the
  whole grid: harmless, and read (the dimension is not believed either way);
- ``shared_strings_bomb_xlsx``: millions of shared strings packed a thousand to one;
- ``rows_bomb_xlsx``: millions of rows of cells without references;
- ``zip_bomb_xlsx``: a part whose zip header declares 1 KB and that inflates to 300 MB;
- a named pipe and ``/dev/zero``, which tests make themselves.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Questions" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
QUESTIONS = [
    "Comment une ville moyenne peut-elle financer une action internationale durable ?",
    "Quel rôle pour les métropoles dans la diplomatie climatique européenne ?",
]

# (name, data as stored, method, crc, declared uncompressed size)
Member = tuple[str, bytes, int, int, int]


def deflated(name: str, content: bytes | str) -> Member:
    raw = content.encode() if isinstance(content, str) else content
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return (name, packer.compress(raw) + packer.flush(), 8, zlib.crc32(raw), len(raw))


def repeated(name: str, block: bytes, times: int, *, head: bytes = b"", tail: bytes = b"",
             declared: int | None = None) -> Member:
    """A part of ``head + block * times + tail``, deflated without ever being built: a
    block compressed after a full flush stands alone, so its bytes can be repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    unit = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(block) * times + len(tail)
    return (name, start + unit * times + end, 8, crc, size if declared is None else declared)


def write_zip(path: Path, members: list[Member]) -> Path:
    """A zip written by hand, so that a part may declare a size it does not have."""
    out = bytearray()
    central = bytearray()
    for name, data, method, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc,
                           len(data), size, len(encoded), 0) + encoded + data
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0,
                               0x21, crc, len(data), size, len(encoded), 0, 0, 0, 0, 0,
                               offset) + encoded
    start = len(out)
    out += central
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members),
                       len(central), start, 0)
    path.write_bytes(bytes(out))
    return path


def _book(path: Path, sheet: Member | str, extra: list[Member] = ()) -> Path:
    sheet_part = deflated("xl/worksheets/sheet1.xml", sheet) if isinstance(sheet, str) else sheet
    return write_zip(path, [
        deflated("[Content_Types].xml", CONTENT_TYPES),
        deflated("_rels/.rels", RELS),
        deflated("xl/workbook.xml", WORKBOOK),
        deflated("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        sheet_part,
        *extra,
    ])


def _sheet(dimension: str, rows: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS}>'
            f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>')


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _question_rows() -> str:
    rows = [f'<row r="1">{_text("A1", "Question")}{_text("B1", "Nom")}</row>']
    for i, text in enumerate(QUESTIONS, start=2):
        rows.append(f'<row r="{i}">{_text(f"A{i}", text)}{_text(f"B{i}", "Anne")}</row>')
    return "".join(rows)


FAR_ROW = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def lying_dimension_xlsx(folder: Path, name: str = "lying_dimension.xlsx") -> Path:
    return _book(folder / name, _sheet("A1:XFD1048576", _question_rows() + FAR_ROW))


def far_cell_xlsx(folder: Path, name: str = "far_cell.xlsx") -> Path:
    return _book(folder / name, _sheet("A1:C3", _question_rows() + FAR_ROW))


def huge_dimension_xlsx(folder: Path, name: str = "huge_dimension.xlsx") -> Path:
    return _book(folder / name, _sheet("A1:XFD1048576", _question_rows()))


def shared_strings_bomb_xlsx(folder: Path, name: str = "shared_strings_bomb.xlsx",
                             strings: int = 2_500_000) -> Path:
    head = (f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="1" uniqueCount="1">'
            ).encode()
    per_block = 10_000
    sst = repeated("xl/sharedStrings.xml", b"<si><t>x</t></si>" * per_block,
                   strings // per_block, head=head, tail=b"</sst>")
    sheet = _sheet("A1", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    return _book(folder / name, sheet, [sst])


def rows_bomb_xlsx(folder: Path, name: str = "rows_bomb.xlsx", rows: int = 2_000_000) -> Path:
    head = _sheet("A1:B2", "<!--rows-->").split("<!--rows-->")[0].encode()
    per_block = 10_000
    sheet = repeated("xl/worksheets/sheet1.xml",
                     b"<row><c><v>1</v></c><c><v>2</v></c></row>" * per_block,
                     rows // per_block, head=head, tail=b"</sheetData></worksheet>")
    return _book(folder / name, sheet)


def zip_bomb_xlsx(folder: Path, name: str = "zip_bomb.xlsx", megabytes: int = 300) -> Path:
    bomb = repeated("xl/media/image1.png", bytes(1 << 20), megabytes, declared=1024)
    return _book(folder / name, _sheet("A1:B3", _question_rows()), [bomb])


HOSTILE_XLSX = {
    "lying dimension": lying_dimension_xlsx,
    "far cell": far_cell_xlsx,
    "shared strings bomb": shared_strings_bomb_xlsx,
    "rows bomb": rows_bomb_xlsx,
    "zip bomb": zip_bomb_xlsx,
}
