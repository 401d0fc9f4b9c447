"""Templated Arabic news documents whose names come from one of two disjoint lists.

The recommender is judged on names it never saw: train on documents built from
list A, test on documents built from list B (absent from the training spans and
the registry), so no string matching can score. Sentences follow the shapes of
wire copy: a title before a person, a cue before a reported clause, places after
في/إلى/من or glued to a proclitic (بدمشق، ولبغداد) where the span starts after it.
Used by tests/core/test_recommend.py and bench/bench_recommend.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

PEOPLE = {
    "A": [
        "أحمد الخطيب",
        "سامي العمري",
        "ليلى حداد",
        "يوسف النجار",
        "مريم الأيوبي",
        "طارق البزاز",
        "نادية السقا",
        "عمر الشهابي",
        "هالة المصري",
        "كريم الدباغ",
        "رنا الحلبي",
        "فادي القاسم",
        "سلمى الجبوري",
        "ماجد الرفاعي",
        "زياد العطار",
        "منى الكبيسي",
    ],
    "B": [
        "خالد المنصوري",
        "هدى الزعبي",
        "وليد البرغوثي",
        "سعاد التميمي",
        "باسم الحمدان",
        "جمانة الفاسي",
        "رامي الشريف",
        "لبنى العلوي",
        "مازن الكردي",
        "دينا الصباغ",
        "حسام الدوري",
        "نور الهاشمي",
    ],
}
PLACES = {
    "A": [
        "دمشق",
        "بغداد",
        "عمان",
        "القاهرة",
        "طرابلس",
        "الخرطوم",
        "تونس",
        "الرباط",
        "صنعاء",
        "حلب",
        "الموصل",
        "بنغازي",
        "غزة",
        "إدلب",
    ],
    "B": [
        "نواكشوط",
        "جيبوتي",
        "مقديشو",
        "الدوحة",
        "مسقط",
        "المنامة",
        "أربيل",
        "كركوك",
        "سرت",
        "تعز",
        "حمص",
        "نابلس",
    ],
}
TITLES = [
    "وزير الخارجية",
    "المتحدث باسم الحكومة",
    "رئيس الوزراء",
    "السفير",
    "قائد الشرطة",
    "وزيرة الصحة",
    "المستشار",
    "مدير الأمن",
]
CUES = ["قال", "أكد", "أوضح", "أعلن", "نفى", "ذكر", "أشار"]
CLAIMS = [
    "المحادثات ستستأنف الأسبوع المقبل",
    "الحكومة لن تتراجع عن قرارها",
    "الوضع الأمني مستقر",
    "المساعدات ستصل خلال أيام",
    "الاتفاق يحتاج إلى مزيد من الوقت",
    "القوات انسحبت من المنطقة",
]
FILLER = [
    "وتأتي هذه التصريحات في ظل توتر متصاعد في المنطقة.",
    "ولم يصدر أي تعليق رسمي حتى الآن.",
    "ويشهد البلد أزمة اقتصادية حادة منذ سنوات.",
]


@dataclass(frozen=True, slots=True)
class Built:
    text: str
    spans: tuple[tuple[int, int, str], ...]


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, str]] = []
        self.length = 0

    def put(self, text: str, label: str | None = None, skip: int = 0) -> None:
        if label:
            self.spans.append((self.length + skip, self.length + len(text), label))
        self.parts.append(text)
        self.length += len(text)


def _sentence(w: _Writer, rng: random.Random, people: list[str], places: list[str]) -> None:
    person, place, other = rng.choice(people), rng.choice(places), rng.choice(places)
    title, cue, claim = rng.choice(TITLES), rng.choice(CUES), rng.choice(CLAIMS)
    shape = rng.randrange(6)
    if shape == 0:
        w.put(cue, "CUE"), w.put(f" {title} "), w.put(person, "ACTOR"), w.put(f" إن {claim}.")
    elif shape == 1:
        w.put(f"{title} "), w.put(person, "ACTOR"), w.put(" "), w.put(cue, "CUE")
        w.put(" في "), w.put(place, "LOCATION"), w.put(f" أن {claim}.")
    elif shape == 2:
        w.put("وصل "), w.put(person, "ACTOR"), w.put(" إلى "), w.put(place, "LOCATION")
        w.put(" قادما من "), w.put(other, "LOCATION"), w.put(" في زيارة رسمية.")
    elif shape == 3:
        w.put("وفي "), w.put(place, "LOCATION"), w.put("، "), w.put(cue, "CUE")
        w.put(f" {title} "), w.put(person, "ACTOR"), w.put(f" أن {claim}.")
    elif shape == 4:
        (
            w.put("التقى "),
            w.put(person, "ACTOR"),
            w.put(" نظيره "),
            w.put(rng.choice(people), "ACTOR"),
        )
        w.put(" "), w.put("ب" + place, "LOCATION", skip=1), w.put(".")
    else:
        w.put("وتوجه الوفد ")
        if place.startswith("ال"):
            w.put("إلى "), w.put(place, "LOCATION")
        else:
            w.put("ل" + place, "LOCATION", skip=1)
        w.put(" ثم "), w.put("و" + other, "LOCATION", skip=1), w.put(" لاحقا.")
    if rng.random() < 0.4:
        w.put(" " + rng.choice(FILLER))


def document(rng: random.Random, names: str, sentences: int = 6) -> Built:
    """One article: a few paragraphs of templated sentences with names from list ``names``."""
    w = _Writer()
    for i in range(sentences):
        if i:
            w.put("\n" if i % 2 == 0 else " ")
        _sentence(w, rng, PEOPLE[names], PLACES[names])
    text = "".join(w.parts)
    assert all(text[s:e] for s, e, _ in w.spans)
    return Built(text, tuple(w.spans))


def corpus(n: int, names: str, seed: int = 0) -> list[Built]:
    rng = random.Random(seed)
    return [document(rng, names) for _ in range(n)]


SHOWS = ["حديث الساعة في المساء", "ملفات من الذاكرة العربية", "بين السطور مع الضيوف"]
EVENTS = ["وصل الوفد", "بدأت الجلسة", "انتهى الاجتماع", "عاد الهدوء إلى المدينة"]


def claims_document(rng: random.Random, names: str = "A", sentences: int = 6) -> Built:
    """Reported clauses tagged CLAIM (after a cue and إن/أن/بأن, or quoted after قال) beside
    clauses the clause finder also finds but that report nothing (after بعد أن، قبل أن، رغم
    أن) and programme titles in quotation marks: untagged."""
    w = _Writer()
    for i in range(sentences):
        if i:
            w.put(" ")
        shape = rng.random()
        if shape < 0.15:  # a quotation: the claim inside the marks
            w.put(f"{rng.choice(['وقال', 'وأكد'])} {rng.choice(PEOPLE[names])}: «")
            w.put(rng.choice(CLAIMS), "CLAIM")
            w.put("».")
        elif shape < 0.25:  # a title in quotation marks: no claim
            w.put(f"وعرضت القناة برنامج «{rng.choice(SHOWS)}» مساء أمس.")
        elif shape < 0.6:
            cue, title, person = rng.choice(CUES), rng.choice(TITLES), rng.choice(PEOPLE[names])
            w.put(f"{cue} {title} {person} {rng.choice(['إن', 'أن', 'بأن'])} ")
            w.put(rng.choice(CLAIMS), "CLAIM")
            w.put(".")
        else:
            w.put(f"{rng.choice(EVENTS)} {rng.choice(['بعد', 'قبل', 'رغم'])} أن ")
            w.put(rng.choice(CLAIMS) + ".")
    text = "".join(w.parts)
    return Built(text, tuple(w.spans))


def claims_corpus(n: int, names: str, seed: int = 0) -> list[Built]:
    rng = random.Random(seed)
    return [claims_document(rng, names) for _ in range(n)]
