"""The spaCy export as spaCy takes it: its corpus reader, ``debug data`` and ``train`` on it.

Arabic news with clitics on the first word of a span (وأشارت, لوزارة,
وبالقاهرة): spaCy re-tokenizes every text with the tokenizer the export's
config.cfg names, and must find every entity on token edges.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.models import Document
from annotator.storage.project import Project
from tests.spans import add_span

# (text, [(phrase, label, occurrence)]): phrases inside words on purpose.
ARTICLES = [
    (
        "وأشارت وزارة الخارجية الأرمينية إلى أن القصف مستمر.\nوقالت لوزارة الدفاع إن الهدنة صامدة.",
        [
            ("أشارت", "CUE"),
            ("وزارة الخارجية الأرمينية", "ACTOR"),
            ("القصف مستمر.\nوقالت", "CLAIM"),
            ("قالت", "CUE"),
            ("وزارة الدفاع ", "ACTOR"),
            ("الهدنة صامدة", "CLAIM"),
        ],
    ),
    (
        "ونفت أذربيجان الاتهامات، وأكدت أن قواتها في كاراباخ ملتزمة بوقف إطلاق النار.",
        [
            ("نفت", "CUE"),
            ("أذربيجان", "ACTOR"),
            ("كاراباخ", "LOCATION"),
            ("أكدت", "CUE"),
            ("قواتها في كاراباخ ملتزمة بوقف إطلاق النار", "CLAIM"),
        ],
    ),
    (
        "وبالقاهرة، قال المتحدث باسم الجامعة العربية إن الوضع خطير.\nوإن المفاوضات ستستأنف غدا.",
        [
            ("القاهرة", "LOCATION"),
            ("قال", "CUE"),
            (" المتحدث باسم الجامعة العربية", "ACTOR"),
            ("الوضع خطير.\nوإن المفاوضات ستستأنف غدا", "CLAIM"),
        ],
    ),
    (
        "وأعلنت الرئاسة الأذربيجانية 😀 أن باكو لن تتراجع عن مواقفها.",
        [("أعلنت", "CUE"), ("الرئاسة الأذربيجانية", "ACTOR"), ("باكو", "LOCATION")],
    ),
    (
        "ولفت الوزير الأرميني إلى أن يريفان تدعم الحل السلمي في الإقليم.",
        [("لفت", "CUE"), ("الوزير الأرميني", "ACTOR"), ("يريفان", "LOCATION")],
    ),
    (
        "وقالت مصادر لوكالة الأنباء إن الاشتباكات تجددت في ستيباناكيرت ليلا.",
        [("قالت", "CUE"), ("وكالة الأنباء", "ACTOR"), ("ستيباناكيرت", "LOCATION")],
    ),
]
ENTITY_LABELS = {"ACTOR", "LOCATION", "CUE"}


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), err.getvalue()


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spacy")
    db = str(folder / "news.db")
    with Project.open(db) as project:
        for text, spans in ARTICLES:
            doc_id = project.add_document(Document(text))
            for phrase, label in spans:
                start = text.index(phrase)
                add_span(project, doc_id, start, start + len(phrase), label)
    target = folder / "export"
    code, err = run("export", "--format", "spacy", "-o", str(target), "--db", db)
    assert code == 0, err
    return target


def expected_entities() -> int:
    return sum(1 for _, spans in ARTICLES for _, label in spans if label in ENTITY_LABELS)


def test_spacys_corpus_reader_with_the_shipped_config_loses_no_entity(export: Path):
    import spacy
    from spacy.util import load_config, load_model_from_config, resolve_dot_names

    config = load_config(
        export / "config.cfg",
        overrides={
            "paths.train": str(export / "train.spacy"),
            "paths.dev": str(export / "train.spacy"),
        },
    )
    nlp = load_model_from_config(config, auto_fill=True)
    [corpus] = resolve_dot_names(nlp.config.interpolate(), ["corpora.train"])
    examples = list(corpus(nlp))
    assert len(examples) == len(ARTICLES)
    aligned = 0
    for eg in examples:
        # The text re-tokenized by the config's tokenizer gives the export's very tokens.
        assert [t.text for t in eg.predicted] == [t.text for t in eg.reference]
        assert None not in eg.get_aligned_ner()
        aligned += len(eg.get_aligned_spans_y2x(eg.reference.ents))
    assert aligned == expected_entities()
    assert isinstance(nlp, spacy.language.Language)


def debug_data(folder: Path, config: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "debug", "data", config],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Corpus is loadable" in result.stdout, result.stdout + result.stderr
    assert "Named Entity Recognition" in result.stdout
    return result.stdout


def test_spacy_debug_data_finds_no_misaligned_token(export: Path, tmp_path: Path):
    assert "misaligned tokens" not in debug_data(export, "config.cfg")
    # spaCy's own Arabic tokenizer on the same files leaves the clitics on: misaligned.
    blank = (export / "config.cfg").read_text(encoding="utf-8")
    start = blank.index("[nlp.tokenizer]")
    end = blank.index("\n[", start + 1)
    blank = blank[:start] + '[nlp.tokenizer]\n@tokenizers = "spacy.Tokenizer.v1"\n' + blank[end:]
    (export / "blank.cfg").write_text(blank, encoding="utf-8")
    try:
        assert "misaligned tokens in the training data" in debug_data(export, "blank.cfg")
    finally:
        (export / "blank.cfg").unlink()


def test_a_pipeline_trained_on_the_folder_cuts_clitics_in_new_text(export: Path, tmp_path: Path):
    import spacy

    result = subprocess.run(
        [
            *(sys.executable, "-m", "spacy", "train", "config.cfg", "--output", str(tmp_path)),
            *("--training.max_steps", "2", "--training.eval_frequency", "1"),
        ],
        cwd=export,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    nlp = spacy.load(tmp_path / "model-last")
    # A word the export cut, and a proclitic before the article, in a new sentence.
    doc = nlp("وأشارت مصادر وبالدوحة إلى التهدئة")
    assert [t.text for t in doc] == ["و", "أشارت", "مصادر", "و", "ب", "الدوحة", "إلى", "التهدئة"]


def test_spacy_stays_an_optional_extra():
    """Nothing imports spaCy until a spaCy export or spaCy itself asks for it."""
    code = (
        "import sys, annotator.cli, annotator.storage.exporter, annotator.app, "
        "annotator.core.formats.spacy_tokenizer, annotator.core.formats.spacy_docbin; "
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "False", result.stderr
