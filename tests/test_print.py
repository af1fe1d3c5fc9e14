"""Printing for real: headless Chromium turns the HTML class pack and handouts into PDF pages.

Each handout starts on a new page, so the class pack must print as exactly the
guide's pages, plus the handouts' cover page, plus the pages of each handout
printed alone. Skipped (with the reason) where Chromium is not installed;
.ci/run installs Debian's chromium when it can.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tabletop.engine.model import Side
from tabletop.reports.briefs import brief_html
from tabletop.reports.document import Heading, Para, to_markdown
from tabletop.reports.guide import guide_html
from tabletop.reports.html import to_html
from tabletop.scenarios.library import resolve

CHROMIUM = next((path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")


def pdf_pages(html: str, directory: Path, name: str) -> int:
    """Print ``html`` to PDF with headless Chromium and count the PDF's pages."""
    return len(pdf_page_sizes(html, directory, name))


def pdf_page_sizes(html: str, directory: Path, name: str) -> list[tuple[float, float]]:
    """Print ``html`` to PDF with headless Chromium: each page's width and height in points, in order."""
    source = directory / f"{name}.html"
    source.write_text(html, encoding="utf-8")
    target = directory / f"{name}.pdf"
    profile = tempfile.mkdtemp(dir=directory)
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={target}",
                    source.as_uri()], check=True, capture_output=True, timeout=180)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    sizes = [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)]
    assert len(sizes) == len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    return sizes


def test_page_breaks_print_one_page_each(tmp_path):
    from tabletop.reports.document import PageBreak

    blocks = [Heading(1, "One"), Para(()), PageBreak(), Heading(1, "Two"), PageBreak(), Heading(1, "Three")]
    assert to_markdown(blocks).count("---") == 2
    assert pdf_pages(to_html(blocks, "three pages"), tmp_path, "three") == 3


def test_the_class_pack_prints_as_its_guide_and_handouts(tmp_path):
    scenario = resolve("tutorial")
    jobs = {"pack": guide_html(scenario, handouts=True), "guide": guide_html(scenario),
            "public": brief_html(scenario, None), "washington": brief_html(scenario, Side.WASHINGTON),
            "moscow": brief_html(scenario, Side.MOSCOW)}
    with ThreadPoolExecutor(max_workers=2) as pool:
        pages = dict(zip(jobs, pool.map(lambda item: pdf_pages(item[1], tmp_path, item[0]), jobs.items())))
    assert pages["guide"] >= 3 and pages["public"] >= 1
    # each side's brief is the public brief, then its confidential part from a new page
    assert pages["washington"] > pages["public"] and pages["moscow"] > pages["public"]
    # the pack: the guide, a cover page for the handouts, the public brief, then each side's confidential part
    confidential = pages["washington"] + pages["moscow"] - 2 * pages["public"]
    assert pages["pack"] == pages["guide"] + 1 + pages["public"] + confidential, pages


def test_the_events_list_prints_on_landscape_pages_and_the_handouts_in_portrait(tmp_path):
    """The eight-column master scenario events list gets A4 landscape pages, its heading with it; the rest is A4."""
    scenario = resolve("summer-2025")
    html = guide_html(scenario, handouts=True)
    assert '<div class="wide-page">\n<h2>Master scenario events list</h2>\n<table class="wide">' in html
    sizes = pdf_page_sizes(html, tmp_path, "summer")
    landscape = [n for n, (width, height) in enumerate(sizes) if width > height]
    assert landscape and landscape == list(range(landscape[0], landscape[-1] + 1)), sizes
    assert all(round(min(size)) == 595 and round(max(size)) == 842 for size in sizes)  # A4 either way
    handouts = pdf_page_sizes(brief_html(scenario, Side.MOSCOW), tmp_path, "moscow")
    assert all(width < height for width, height in handouts)
