"""Draw the application icon (resources/icons/annotator-*.png) with Qt.

The icon is drawn, not hand-edited, so it can be remade at any size: an Arabic
letter ع (the first letter of عبارة, "statement") in the bundled Noto Naskh
Arabic on a deep teal tile, underlined by a highlighter stroke in the CLAIM
colour. Run from the repository root: ``python packaging/make_icon.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 32, 48, 64, 128, 256, 512)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    tile = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#0f5257"))
    painter.drawRoundedRect(tile, size * 0.2, size * 0.2)
    # The highlighter stroke under the letter, as a claim is marked in the article.
    pen = QPen(QColor("#f2c14e"))
    pen.setWidthF(max(1.5, size * 0.09))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    y = size * 0.76
    painter.drawLine(int(size * 0.24), int(y), int(size * 0.76), int(y))
    font = QFont(family)
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, -size * 0.1, size, size), Qt.AlignmentFlag.AlignCenter, "ع")
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv)
    font_id = QFontDatabase.addApplicationFont(
        str(ROOT / "resources" / "fonts" / "NotoNaskhArabic-Bold.ttf")
    )
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size, family).save(str(out / f"annotator-{size}.png"))
    draw(256, family).save(str(out / "annotator.ico"))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
