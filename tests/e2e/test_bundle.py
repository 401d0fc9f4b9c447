"""The installer bundle: built with PyInstaller, run headless, size bounded.

Building takes a minute or two (a fresh build venv, PyInstaller's analysis), so
it runs where CI is set (CI runs it on every submission) or when
ANNOTATOR_TEST_BUNDLE=1 asks for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import __version__

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "karabakh_ceasefire_raw.txt"
MB = 1024 * 1024

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
    pytest.mark.skipif(
        not (os.environ.get("CI") or os.environ.get("ANNOTATOR_TEST_BUNDLE")),
        reason="slow: runs in CI, or with ANNOTATOR_TEST_BUNDLE=1",
    ),
]


def _size(folder: Path, skip: tuple[str, ...] = ()) -> int:
    """Bytes of the regular files under ``folder``, leaving out top-level entries in ``skip``."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(
        p.stat().st_size for p in files if not p.relative_to(folder).parts[0].startswith(skip)
    )


@pytest.fixture(scope="module")
def bundle() -> Path:
    env = {**os.environ, "PYTHON": sys.executable}
    done = subprocess.run(
        ["bash", str(REPO / "packaging" / "build.sh")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return REPO / "dist" / "annotator"


def _run(bundle: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ANNOTATOR_DB"}
    return subprocess.run(
        [str(bundle / "annotator"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_bundle_runs_headless_and_reads_what_the_package_reads(bundle: Path, tmp_path: Path):
    version = _run(bundle, "--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"annotator {__version__}"

    db = tmp_path / "bundle.annotator.db"
    imported = _run(bundle, "import", str(SAMPLE), "--db", str(db), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "imported 1 document" in imported.stdout + imported.stderr
    out = tmp_path / "bundle.jsonl"
    exported = _run(bundle, "export", "--db", str(db), "-o", str(out), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    # The same page through the installed package gives the same cleaned text.
    ref_db = tmp_path / "package.annotator.db"
    ref_out = tmp_path / "package.jsonl"
    for args in (["import", str(SAMPLE)], ["export", "-o", str(ref_out)]):
        done = subprocess.run(
            [sys.executable, "-m", "annotator", *args, "--db", str(ref_db)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    [reference] = [json.loads(line) for line in ref_out.read_text(encoding="utf-8").splitlines()]
    assert record["text"] == reference["text"]
    assert record["text"].startswith("تجدد القتال العنيف")

    # A saved web page goes through trafilatura, whose settings and stoplists ship too.
    page = REPO / "tests" / "fixtures" / "html" / "agency_article.html"
    html = _run(bundle, "import", str(page), "--db", str(db), cwd=tmp_path)
    assert html.returncode == 0, html.stderr
    assert "imported 1 document" in html.stdout + html.stderr


def test_bundle_is_small_and_carries_its_desktop_files(bundle: Path):
    assert _size(bundle) <= 200 * MB, f"bundle is {_size(bundle) / MB:.0f} MB"
    names = {p.name for p in bundle.rglob("*")}
    assert not any(n.startswith(("libQt6WebEngine", "libQt6Quick", "libQt63D")) for n in names)
    desktop = (bundle / "annotator.desktop").read_text(encoding="utf-8")
    assert "Exec=annotator" in desktop and "Icon=annotator" in desktop
    assert (bundle / "annotator.png").stat().st_size > 0
    assert os.access(bundle / "install.sh", os.X_OK)
    assert list((REPO / "dist").glob(f"annotator-{__version__}-linux-*.tar.gz"))


def test_a_fresh_install_of_the_package_stays_under_350_mb(bundle: Path):
    # build.sh installed the package alone into a fresh venv (plus PyInstaller to build).
    [site] = (REPO / "build" / "bundle-venv" / "lib").glob("python3*/site-packages")
    build_tools = ("PyInstaller", "pyinstaller", "_pyinstaller", "altgraph", "macholib")
    assert (site / "PySide6" / "QtWidgets.abi3.so").exists()
    assert not (site / "PySide6" / "QtWebEngineCore.abi3.so").exists()  # no Addons wheel
    size = _size(site, build_tools)
    assert size <= 350 * MB, f"install is {size / MB:.0f} MB"
