"""Draw the application icon with QPainter and write it as PNGs, a Windows .ico and a
macOS .icns (both containers hold PNGs, so no image library beyond Qt is needed).

    python build_spec/make_icons.py      # rewrites resources/icons/
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's PNG-bearing icns entry types, by pixel size.
ICNS_TYPES = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}


def draw(size: int) -> QImage:
    """A stopwatch on a rounded square: the console's timer, readable at 16 px."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92), s * 0.2, s * 0.2)
    p.fillPath(tile, QColor("#1b5e20"))
    centre = QPointF(s * 0.5, s * 0.55)
    radius = s * 0.3
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(s * 0.43, s * 0.1, s * 0.14, s * 0.1), s * 0.03, s * 0.03)
    p.drawEllipse(centre, radius, radius)
    # The remaining time as a red wedge: the last quarter, the bit moderators watch.
    p.setBrush(QColor("#c62828"))
    p.drawPie(
        QRectF(
            centre.x() - radius * 0.82, centre.y() - radius * 0.82, radius * 1.64, radius * 1.64
        ),
        90 * 16,
        90 * 16,
    )
    pen = QPen(QColor("#1b5e20"), max(1.0, s * 0.05))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawLine(centre, QPointF(centre.x(), centre.y() - radius * 0.75))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    sizes = [s for s in ICO_SIZES if s in pngs]
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    body = b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in the ICO directory
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return out + body


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", len(pngs[s]) + 8) + pngs[s] for s, kind in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in SIZES}
    for size, data in pngs.items():
        (ICONS / f"moderator-app-{size}.png").write_bytes(data)
    (ICONS / "moderator-app.ico").write_bytes(ico(pngs))
    (ICONS / "moderator-app.icns").write_bytes(icns(pngs))
    del app
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
