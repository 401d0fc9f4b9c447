"""Choice keys on both keyboard layouts an analyst switches between: Arabic and Latin.

An analyst types Arabic all day; a schema may key its choices by Arabic
letters (س for politics, سياسة) or by Latin ones (a for asserted). Either
way the key is found in the same place: each Latin key of the standard
Arabic (101) layout is paired with the Arabic letter it types there, and a
choice key matches both. The attribute editor asks ``matches``; the
window shows ``twin`` beside a key so both readings are visible.
"""

from __future__ import annotations

# The standard Arabic (101) layout, unshifted: Latin key -> the Arabic letter on it.
_ARABIC_ON = dict(
    zip(
        "qwertyuiop[]asdfghjkl;'zxcvnm,./`",
        "ضصثقفغعهخحجدشسيبلاتنمكطئءؤرىةوزظذ",
        strict=True,
    )
)
_LATIN_ON = {arabic: latin for latin, arabic in _ARABIC_ON.items()}


def twin(key: str) -> str | None:
    """The character on the same physical key in the other layout, if there is one."""
    return _ARABIC_ON.get(key.lower()) or _LATIN_ON.get(key)


def matches(typed: str, key: str) -> bool:
    """Whether ``typed`` (a key press's text) chooses the choice keyed ``key``."""
    return bool(typed) and (typed == key or twin(typed) == key)
