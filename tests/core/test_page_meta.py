"""Bylines, dates, datelines and source lines of many outlets read into meta; headlines are not."""

from __future__ import annotations

import pytest

from annotator.core.page_meta import dateline_source, read_meta_line


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        (
            "بقلم: سارة الخطيب | 14 مارس 2024 | 3 دقائق قراءة",
            {"author": "سارة الخطيب", "published": "2024-03-14"},
        ),
        ("نشر في: الخميس 29 أكتوبر 2020 - 10:45 بتوقيت مكة", {"published": "2020-10-29T10:45"}),
        ("الإثنين، 12 فبراير 2024 03:00 م", {"published": "2024-02-12T15:00"}),
        ("نشر في: 09 يناير ,2024: 10:45 ص GST", {"published": "2024-01-09T10:45"}),
        ("20 فبراير/ شباط 2024", {"published": "2024-02-20"}),
        ("الأحد 15 كانون الأول 2024", {"published": "2024-12-15"}),
        ("الخميس 17 أوت 2023 - 14:30", {"published": "2023-08-17T14:30"}),
        ("٠٣-٠٢-٢٠٢٤ | ٠٦:١٥", {"published": "2024-02-03T06:15"}),
        ("Published 12 Oct 2023, 14:05 GMT", {"published": "2023-10-12T14:05"}),
        ("May 6, 2024", {"published": "2024-05-06"}),
        ("آخر تحديث: 2023/10/12", {"updated": "2023-10-12"}),
        ("By John Smith", {"author": "John Smith"}),
        ("كتب أحمد سمير", {"author": "أحمد سمير"}),
        ("Author, سلمى حداد", {"author": "سلمى حداد"}),
        ("جاد نصر | 02-10-2024 | 18:40", {"author": "جاد نصر", "published": "2024-10-02T18:40"}),
        ("نورة العتيبي (جدة)", {"author": "نورة العتيبي"}),
        ("بغداد - زينب الربيعي:", {"author": "زينب الربيعي"}),
        ("بيروت - رويترز", {"source": "رويترز"}),
        ("(رويترز)", {"source": "رويترز"}),
        ("عمان/ ليث الجنيدي/ الأناضول", {"source": "الأناضول", "author": "ليث الجنيدي"}),
        ("دبي: «الخليج»", {"source": "الخليج"}),
        ("الكويت - 3 - 11 (كونا) --", {"source": "كونا"}),
        ("القاهرة - العربية.نت", {"source": "العربية.نت"}),
        ("المصدر: الجزيرة + وكالات", {"source": "الجزيرة + وكالات"}),
        ("القاهرة - خاص", {}),
        ("2024-08-19 21:15:30 | arabic.news.cn", {"published": "2024-08-19T21:15"}),
        ("سياسة | 14 مارس 2024", {"published": "2024-03-14"}),  # a section is no byline
    ],
)
def test_meta_lines_of_many_outlets(line: str, meta: dict[str, str]):
    assert read_meta_line(line) == meta


@pytest.mark.parametrize(
    "line",
    [
        "قمة 12 مارس 2024 تنتهي بلا اتفاق",  # a headline with a date in it
        "تجدد القتال العنيف.. الهدنة الروسية فشلت",
        "بايدن: لن نسمح بذلك",
        "احتجاجات واسعة في العاصمة (صور)",
        "قصف وفرار",
        "حوارات",
        "Share on facebook",
        "وقال المتحدث إن الحكومة ستعلن خطتها في 12 مارس 2024 بعد مشاورات مع الأحزاب.",
    ],
)
def test_other_lines_are_not_meta(line: str):
    assert read_meta_line(line) is None


def test_the_agency_of_a_dateline_opening_the_body():
    assert dateline_source("الخرطوم (رويترز) - قالت الأمم المتحدة يوم الخميس إن") == "رويترز"
    assert dateline_source("القدس المحتلة - الأناضول - أعلن الجيش") == "الأناضول"
    assert dateline_source("قالت الأمم المتحدة (رويترز) إن") is None
