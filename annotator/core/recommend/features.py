"""Token features for the sequence model, chosen for Arabic news.

A name the model never saw must still be found from what surrounds it and from
its shape: the word and its normalised form (``core.arabic``), the word without
proclitics (و ف ب ل ك ال) and its prefixes and suffixes, character trigrams of
the stem, the script and shape (digits, Latin, punctuation), the neighbouring
words (a title word such as وزير or a place word such as مدينة before a name), and
whether a gazetteer phrase (registry names and aliases, earlier spans' texts)
starts or continues at the token. Features are strings (``name=value``), the
form python-crfsuite takes, and are the same at training and prediction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.core.arabic import PROCLITICS, match_key, normalize, strip_clitics
from annotator.core.tokens import Token, tokenize

# Words that announce a person or body (a title, an office) or a place (a kind of place).
TITLE_WORDS = frozenset(
    normalize(w)
    for w in (
        "وزير وزيرة رئيس رئيسة الرئيس المتحدث المتحدثة الناطق الناطقة السفير مدير مديرة "
        "الأمين أمين قائد القائد زعيم الزعيم النائب نائب العقيد اللواء الجنرال الشيخ "
        "الدكتور السيد السيدة الملك الأمير المستشار محافظ المحافظ عمدة رئيسها وزارة هيئة "
        "حركة حزب جماعة منظمة مجلس لجنة جيش قوات شركة وكالة صحيفة"
    ).split()
)
PLACE_WORDS = frozenset(
    normalize(w)
    for w in (
        "مدينة بلدة قرية محافظة ولاية إقليم منطقة عاصمة العاصمة جزيرة ميناء مطار مخيم "
        "حي شمال جنوب شرق غرب شمالي جنوبي شرقي غربي في إلى من داخل قرب بالقرب نحو باتجاه"
    ).split()
)
CUE_WORDS = frozenset(
    normalize(w)
    for w in (
        "قال قالت أكد أكدت أوضح أوضحت أشار أشارت أعلن أعلنت نفى نفت زعم زعمت حذر حذرت "
        "أضاف أضافت اعتبر اعتبرت بحسب وفقا ذكر ذكرت صرح صرحت كشف كشفت رأى رأت دعا دعت"
    ).split()
)
_WINDOW = 2  # neighbours on each side


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Phrases known to carry a label: match keys of words (clitics off), per label."""

    phrases: Mapping[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    longest: int = 0

    @classmethod
    def of(cls, entries: Iterable[tuple[str, str]]) -> Gazetteer:
        """From (text, label) pairs: registry names and aliases, earlier spans."""
        by_label: dict[str, set[tuple[str, ...]]] = {}
        for text, label in entries:
            key = tuple(match_key(text).split())
            if key:
                by_label.setdefault(label, set()).add(key)
        longest = max((len(k) for keys in by_label.values() for k in keys), default=0)
        return cls({lb: frozenset(keys) for lb, keys in by_label.items()}, longest)

    def marks(self, keys: Sequence[str]) -> list[set[str]]:
        """For each token key, ``label:B`` where a phrase starts, ``label:I`` inside one."""
        out: list[set[str]] = [set() for _ in keys]
        if not self.phrases:
            return out
        for i in range(len(keys)):
            for n in range(min(self.longest, len(keys) - i), 0, -1):
                window = tuple(keys[i : i + n])
                for label, phrases in self.phrases.items():
                    if window in phrases:
                        out[i].add(f"{label}:B")
                        for j in range(i + 1, i + n):
                            out[j].add(f"{label}:I")
        return out


def shape(word: str) -> str:
    """The script and shape of a token: ``ar``, ``lat``, ``Lat`` (capitalised), ``num``, ``punct``..."""
    if word.isdigit():
        return "num"
    if any(ch.isdigit() for ch in word):
        return "alnum"
    first = word[0]
    name = unicodedata.name(first, "")
    if "ARABIC" in name:
        return "ar"
    if first.isalpha():
        return "Lat" if first.isupper() else "lat"
    return "punct" if unicodedata.category(first).startswith("P") else "sym"


def _own(token: Token) -> list[str]:
    word = token.text
    norm = normalize(word)
    stem = strip_clitics(norm)
    feats = [
        "bias",
        f"w={norm}",
        f"stem={stem}",
        f"shape={shape(word)}",
        f"len={min(len(stem), 8)}",
        f"p1={norm[:1]}",
        f"p2={norm[:2]}",
        f"s1={stem[-1:]}",
        f"s2={stem[-2:]}",
        f"s3={stem[-3:]}",
        f"sp2={stem[:2]}",
    ]
    if norm[:1] and norm[0] in PROCLITICS and stem != norm:
        feats.append("clitic")
    if norm.startswith(("ال", "وال", "بال", "فال", "كال", "لل")):
        feats.append("article")
    feats.extend(f"g3={stem[i : i + 3]}" for i in range(max(len(stem) - 2, 0)))
    if stem in TITLE_WORDS or norm in TITLE_WORDS:
        feats.append("title")
    if stem in PLACE_WORDS or norm in PLACE_WORDS:
        feats.append("place")
    if stem in CUE_WORDS or norm in CUE_WORDS:
        feats.append("cue")
    return feats


def _context(token: Token) -> list[str]:
    """What a neighbour contributes: its word and its word-class flags."""
    norm = normalize(token.text)
    stem = strip_clitics(norm)
    out = [f"w={norm}", f"shape={shape(token.text)}"]
    for flag, words in (("title", TITLE_WORDS), ("place", PLACE_WORDS), ("cue", CUE_WORDS)):
        if stem in words or norm in words:
            out.append(flag)
    return out


def token_features(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer | None = None
) -> list[list[str]]:
    """One feature list per token. Line breaks count as sentence edges (``BOL``/``EOL``)."""
    own = [_own(t) for t in tokens]
    context = [_context(t) for t in tokens]
    keys = [strip_clitics(normalize(t.text)) for t in tokens]
    marks = (gazetteer or Gazetteer()).marks(keys)
    out: list[list[str]] = []
    for i, token in enumerate(tokens):
        feats = list(own[i])
        feats.extend(f"gaz={m}" for m in sorted(marks[i]))
        for d in range(1, _WINDOW + 1):
            for sign, j in (("-", i - d), ("+", i + d)):
                if 0 <= j < len(tokens) and not _line_between(text, tokens, min(i, j), max(i, j)):
                    feats.extend(f"{sign}{d}:{f}" for f in context[j])
                    if d == 1:
                        feats.extend(f"{sign}1:gaz={m}" for m in sorted(marks[j]))
                elif d == 1:
                    feats.append("BOL" if sign == "-" else "EOL")
        out.append(feats)
    return out


def _line_between(text: str, tokens: Sequence[Token], i: int, j: int) -> bool:
    return "\n" in text[tokens[i].end : tokens[j].start]


def model_tokens(text: str) -> list[Token]:
    """The project's one tokenizer (``core.tokens``), used for training and prediction alike."""
    return tokenize(text)
