"""The application icon ships in the wheel at the sizes desktops ask for."""

from __future__ import annotations

from PySide6.QtCore import QSize

from annotator.gui.app_icon import app_icon


def test_icon_has_every_size_from_16_to_512(qapp):
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(n, n) for n in (16, 32, 48, 64, 128, 256, 512)} <= sizes
    assert not app_icon().pixmap(QSize(48, 48)).toImage().isNull()
