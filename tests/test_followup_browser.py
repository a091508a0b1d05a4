"""The register page opened in a real headless Chromium: it renders, overdue duties come first, links resolve.

Chromium comes from the system's packages (`apt-get install -y chromium`);
where no browser is installed the test is skipped and says so.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from udi_rules import Rulebook
from udi_rules.followup.html import render_html
from udi_rules.followup.register import load_register

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "saker"
BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)

pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="ingen Chromium funnet (installer med `apt-get install -y chromium`) [no Chromium binary found]",
)


class _Page(HTMLParser):
    """The row statuses in order, every id, and every in-page link, as the browser's DOM has them."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "tr" and a.get("data-status"):
            self.statuses.append(a["data-status"] or "")
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.links.append((a["href"] or "")[1:])


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         f"--user-data-dir={tmp / 'profil'}", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_the_register_page_in_chromium_shows_overdue_first_and_every_link_resolves(tmp_path: Path):
    register = load_register(EXAMPLES, date(2027, 10, 20), Rulebook.default())
    page = tmp_path / "register.html"
    page.write_text(render_html(register, register.duties), encoding="utf-8")
    url = page.as_uri()

    shot = tmp_path / "register.png"
    result = _chromium(f"--screenshot={shot}", "--window-size=1280,1600", url, tmp=tmp_path)
    assert shot.exists() and shot.stat().st_size > 10_000, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    dom = _chromium("--dump-dom", url, tmp=tmp_path)
    assert "<table" in dom.stdout, dom.stderr[-2000:]
    parsed = _Page()
    parsed.feed(dom.stdout)
    assert parsed.statuses[0] == "overdue"
    first_other = next(i for i, s in enumerate(parsed.statuses) if s != "overdue")
    assert "overdue" not in parsed.statuses[first_other:]
    missing = [link for link in parsed.links if link not in parsed.ids]
    assert parsed.links and not missing, missing[:5]
    assert any(link.startswith("im-") for link in parsed.links)
