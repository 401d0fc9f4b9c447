"""Splits by document with near-duplicates on one side."""

from __future__ import annotations

import pytest

from annotator.core.splits import assign_splits, parse_ratios

BODY = (
    "قالت وزارة الدفاع في أذربيجان إن القتال اندلع في عدة أماكن اليوم، "
    "منها أراض قريبة من خط التماس."
)


def test_proportions_and_fixed_seed():
    docs = [(i, f"مقال رقم {'ا' * i} عن موضوع مختلف تماما {i * 'ب'}") for i in range(100)]
    first = assign_splits(docs, (80, 10, 10), seed=7)
    assert assign_splits(docs, (80, 10, 10), seed=7) == first
    counts = {name: list(first.values()).count(name) for name in ("train", "dev", "test")}
    assert counts == {"train": 80, "dev": 10, "test": 10}


def test_near_duplicates_stay_together():
    docs = [
        (1, f"العنوان الأول\n{BODY}"),
        (2, f"عنوان معدل تماما\n{BODY}"),
        (3, BODY.replace("اليوم", "اليوم 12")),
    ]
    docs += [
        (i, f"نص آخر مختلف رقم {'ج' * i} لا يشبه غيره أبدا في أي فقرة منه") for i in range(4, 40)
    ]
    split = assign_splits(docs, (80, 10, 10))
    assert split[1] == split[2] == split[3]


@pytest.mark.parametrize("bad", ["80-20", "80/10/5/5", "0/0", "a/b", "80/10/5", "8/1/1"])
def test_bad_ratios(bad):
    with pytest.raises(ValueError):
        parse_ratios(bad)
