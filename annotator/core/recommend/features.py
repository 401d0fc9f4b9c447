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
from functools import lru_cache

from annotator.core.arabic import PROCLITICS, match_key, normalize, strip_clitics
from annotator.core.suggest import CUE_WORDS as SHARED_CUES
from annotator.core.tokens import Token, tokenize


def _folded(words: str) -> frozenset[str]:
    """A set of words given as one white-space separated string, in normalised form."""
    return frozenset(normalize(w) for w in words.split())


# Words that announce a person or body (a title, an office) or a place (a kind of place).
TITLE_WORDS = _folded(
    """وزير وزيرة رئيس رئيسة الرئيس المتحدث المتحدثة الناطق الناطقة السفير مدير مديرة
    الأمين أمين قائد القائد زعيم الزعيم النائب نائب العقيد اللواء الجنرال الشيخ الدكتور
    السيد السيدة الملك الأمير المستشار محافظ المحافظ عمدة وزارة هيئة حركة حزب جماعة منظمة
    مجلس لجنة جيش قوات شركة وكالة صحيفة"""
)
PLACE_WORDS = _folded(
    """مدينة بلدة قرية محافظة ولاية إقليم منطقة عاصمة العاصمة جزيرة ميناء مطار مخيم حي
    شمال جنوب شرق غرب شمالي جنوبي شرقي غربي في إلى من داخل قرب بالقرب نحو باتجاه"""
)
# The curated cues every part shares (``core.suggest``), and more verbs of saying that
# help a model as context though they are too loose to propose as CUE spans themselves.
CUE_WORDS = _folded(
    " ".join(cue.split()[0] for cue in SHARED_CUES)  # "نقلا عن": the verb, not "عن"
    + """ أوضح أوضحت أضاف أضافت اعتبر اعتبرت ذكر ذكرت صرح صرحت كشف كشفت رأى رأت دعا دعت"""
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
    """The script and shape of a token: ``ar``, ``lat``/``Lat``, ``num``, ``alnum``, ``punct``."""
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


@lru_cache(maxsize=65536)
def _own(word: str) -> tuple[str, ...]:
    """A word's own features; cached, since news repeats its words (a 5,000-word article
    has about 1,500 distinct ones)."""
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
    return tuple(feats)


@lru_cache(maxsize=65536)
def _context(word: str) -> dict[str, tuple[str, ...]]:
    """What a word contributes as a neighbour, prefixed for each position it can hold."""
    norm = normalize(word)
    stem = strip_clitics(norm)
    plain = [f"w={norm}", f"shape={shape(word)}"]
    for flag, words in (("title", TITLE_WORDS), ("place", PLACE_WORDS), ("cue", CUE_WORDS)):
        if stem in words or norm in words:
            plain.append(flag)
    return {
        f"{sign}{d}": tuple(f"{sign}{d}:{f}" for f in plain)
        for d in range(1, _WINDOW + 1)
        for sign in "-+"
    }


def token_features(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer | None = None
) -> list[list[str]]:
    """One feature list per token. Line breaks count as sentence edges (``BOL``/``EOL``)."""
    words = [t.text for t in tokens]
    context = [_context(w) for w in words]
    gazetteer = gazetteer or Gazetteer()
    marks = None
    if gazetteer.phrases:
        marks = gazetteer.marks([strip_clitics(normalize(w)) for w in words])
    # line[i]: the number of the line token i is on; neighbours on another line are not context
    line = [0] * len(tokens)
    for i in range(1, len(tokens)):
        gap = text[tokens[i - 1].end : tokens[i].start]
        line[i] = line[i - 1] + (1 if "\n" in gap else 0)
    out: list[list[str]] = []
    n = len(tokens)
    keys = [(d, f"-{d}", f"+{d}") for d in range(1, _WINDOW + 1)]  # formatted once, not per token
    for i in range(n):
        feats = list(_own(words[i]))
        here = line[i]
        for d, before, after in keys:
            j = i - d
            if j >= 0 and line[j] == here:
                feats += context[j][before]
            elif d == 1:
                feats.append("BOL")
            j = i + d
            if j < n and line[j] == here:
                feats += context[j][after]
            elif d == 1:
                feats.append("EOL")
        if marks is not None:
            feats += (f"gaz={m}" for m in sorted(marks[i]))
            if i and line[i - 1] == line[i]:
                feats += (f"-1:gaz={m}" for m in sorted(marks[i - 1]))
            if i + 1 < n and line[i + 1] == line[i]:
                feats += (f"+1:gaz={m}" for m in sorted(marks[i + 1]))
        out.append(feats)
    return out


def model_tokens(text: str) -> list[Token]:
    """The project's one tokenizer (``core.tokens``), used for training and prediction alike."""
    return tokenize(text)
