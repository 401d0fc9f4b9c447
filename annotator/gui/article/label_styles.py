"""How each label looks: one place that turns schema colours into Qt formats.

Colours come from the schema (the default uses the Okabe-Ito colour-blind
safe palette). Backgrounds are translucent tints, so they read on light and
dark themes alike; underline labels (claims) get a coloured underline plus a
faint tint, so entities inside a claim keep their own background and all
three stay visible.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat

from annotator.core.models import Display, Label

BACKGROUND_ALPHA = 95
UNDERLINE_TINT_ALPHA = 40
CURRENT_ALPHA = 230
LINKED_ALPHA = 120
SUGGESTION_ALPHA = 35
MIN_SUGGESTION_ALPHA = 12
SEARCH_COLOR = "#F0E442"  # Okabe-Ito yellow: unlike every label colour
SEARCH_ALPHA = 150


def _tint(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def _marked(color: str, underline: QTextCharFormat.UnderlineStyle, alpha: int) -> QTextCharFormat:
    """An overlay mark (not a tag): a coloured underline of some style over a light wash."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(underline)
    fmt.setUnderlineColor(QColor(color))
    fmt.setBackground(_tint(color, alpha))
    return fmt


def contrasting_text(color: str) -> QColor:
    """Black or white, whichever reads better on ``color``."""
    c = QColor(color)
    luminance = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return QColor("#000000") if luminance > 0.5 else QColor("#FFFFFF")


class LabelStyles:
    """Character formats per label and per combination of overlapping labels."""

    def __init__(self, labels: Iterable[Label]) -> None:
        self._labels = {lb.name: lb for lb in labels}
        self.underline_labels = frozenset(
            lb.name for lb in self._labels.values() if lb.display is Display.UNDERLINE
        )
        self._cache: dict[tuple[str | None, str | None], QTextCharFormat] = {}

    def label(self, name: str) -> Label | None:
        return self._labels.get(name)

    def display(self, name: str) -> Display:
        label = self._labels.get(name)
        return label.display if label else Display.BACKGROUND

    def color(self, name: str) -> str:
        label = self._labels.get(name)
        return label.color if label else "#888888"

    def combined(self, background: str | None, underline: str | None) -> QTextCharFormat:
        """The format of text covered by a background label and/or an underline label."""
        key = (background, underline)
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if underline is not None:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(self.color(underline)))
                fmt.setBackground(_tint(self.color(underline), UNDERLINE_TINT_ALPHA))
            if background is not None:
                fmt.setBackground(_tint(self.color(background), BACKGROUND_ALPHA))
            self._cache[key] = fmt
        return fmt

    def suggestion(self, name: str, score: float | None = None) -> QTextCharFormat:
        """A proposed span: dashed underline and a very pale wash of its label colour.

        A model's proposal carries its score: the wash is fainter the less sure the model
        is (0.4 of the known-name wash at 0.5, 1.6 times it at 1.0, still below a tag's
        tint), so the analyst's eye goes to the proposals worth a look first.
        """
        alpha = SUGGESTION_ALPHA if score is None else round(SUGGESTION_ALPHA * 1.6 * score**2)
        return _marked(
            self.color(name),
            QTextCharFormat.UnderlineStyle.DashUnderline,
            max(MIN_SUGGESTION_ALPHA, alpha),
        )

    def search_hit(self) -> QTextCharFormat:
        """A find-bar match: dotted, in a yellow no label uses, under the labels."""
        return _marked(SEARCH_COLOR, QTextCharFormat.UnderlineStyle.DotLine, SEARCH_ALPHA)

    def linked(self, color: str) -> QTextCharFormat:
        """A span linked to the current one: dashed underline, a wash of the link colour."""
        return _marked(color, QTextCharFormat.UnderlineStyle.DashUnderline, LINKED_ALPHA)

    def current(self, name: str) -> QTextCharFormat:
        """The selected span: solid label colour, contrasting text."""
        fmt = QTextCharFormat()
        fmt.setBackground(_tint(self.color(name), CURRENT_ALPHA))
        fmt.setForeground(contrasting_text(self.color(name)))
        return fmt
