"""The wheel carries its resources: a non-editable install works, not only -e."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from annotator import assets

REPO = Path(__file__).resolve().parents[1]


def test_wheel_contains_resources_and_sample(tmp_path: Path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    [wheel] = tmp_path.glob("annotator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "annotator/resources/schema/default.json" in names
    assert "annotator/resources/sample/karabakh_ceasefire_raw.txt" in names
    assert "annotator/resources/fonts/NotoNaskhArabic-Regular.ttf" in names
    assert "annotator/resources/fonts/OFL.txt" in names  # the font's licence travels with it
    # The Arabic interface: the compiled translation (and its source, for translators).
    assert "annotator/resources/translations/annotator_ar.qm" in names
    assert "annotator/resources/translations/annotator_ar.ts" in names
    [entry_points] = [n for n in names if n.endswith("entry_points.txt")]
    # spaCy finds the tokenizer a spaCy export's config.cfg names through this entry point.
    registered = zipfile.ZipFile(wheel).read(entry_points).decode("utf-8")
    assert (
        "[spacy_tokenizers]\nannotator.arabic_tokenizer.v1 = "
        "annotator.core.formats.spacy_tokenizer:create_tokenizer"
    ) in registered


def test_assets_load_through_importlib_resources():
    schema = assets.default_schema()
    assert [lb.name for lb in schema.span_labels] == ["CLAIM", "ACTOR", "LOCATION", "CUE"]
    assert assets.sample_article() == (REPO / "sample_data" / assets.SAMPLE_ARTICLE).read_bytes()
