"""`udi-rules docs OUT`: the rulebook as a site beside the memo, checked as HTML and in a real browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_cli import ROOT, run

from udi_rules.tools.docs_site import memo_sections
from udi_rules.rule_files import load_rulebook

MEMO = (ROOT / "rules" / "IM-2011-013.txt").read_text(encoding="utf-8")
SECTIONS = ["1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "4", "4.1", "4.2", "4.3", "4.4"]
BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)


class Page(HTMLParser):
    """The ids, links and headings of one HTML page."""

    def __init__(self, text: str):
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.sources: list[str] = []
        self.headings: list[str] = []
        self._heading: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(found["id"])
        if tag == "a" and found.get("href"):
            self.links.append(found["href"])
        if tag in ("script", "link") and (found.get("src") or found.get("href")):
            self.sources.append(found.get("src") or found["href"])
        if tag in ("h2", "h3"):
            self._heading = []

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "h3") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    elsewhere = tmp_path_factory.mktemp("docs")  # run outside the checkout: the site names no machine's paths
    out = elsewhere / "site"
    result = run("docs", str(out), "--rules", str(ROOT / "rules"), "--format", "json", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    written = json.loads(result.stdout)
    assert written["ok"] and written["sections"] == SECTIONS
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Page]:
    return {path.name: Page(path.read_text(encoding="utf-8")) for path in site.glob("*.html")}


def test_the_memo_is_read_into_its_sections_in_order():
    assert [s.number for s in memo_sections(MEMO)] == SECTIONS
    assert memo_sections(MEMO)[9].title == "Rapportering fra møter i internasjonale fora"


def test_every_memo_section_is_on_the_page_with_its_heading_in_order(pages: dict[str, Page]):
    index = pages["index.html"]
    anchors = [i for i in index.ids if i.startswith("punkt-")]
    assert anchors == [f"punkt-{n}" for n in SECTIONS]
    for section in memo_sections(MEMO):
        assert f"{section.number} {section.title}" in index.headings


def test_every_rule_has_its_anchor_once(pages: dict[str, Page]):
    ids = pages["index.html"].ids
    for checked in load_rulebook(ROOT / "rules").rules:
        assert ids.count(f"regel-{checked.rule.id}") == 1, checked.rule.id


def test_every_internal_link_and_file_resolves(site: Path, pages: dict[str, Page]):
    assert set(pages) == {"index.html", "dekning.html", "fora.html", "plikter.html", "steg.html"}
    assert sum(len(page.links) for page in pages.values()) > 500
    for name, page in pages.items():
        assert len(page.ids) == len(set(page.ids)), f"{name} has an id twice"
        for source in page.sources:
            assert (site / source).is_file(), f"{name}: {source}"
        for link in page.links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc, f"{name} links out of the site: {link}"
            target = parts.path or name
            assert target in pages, f"{name}: {link} names no page"
            if parts.fragment:
                assert parts.fragment in pages[target].ids, f"{name}: {link} names no anchor"


def test_provisions_that_are_not_rules_say_why_and_the_memo_is_quoted_only_where_cited(site: Path):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="bestemmelse-1-2"' in html and "formål" in html and "purpose" in html
    # The memo's own prose that no provision or rule quotes is not reproduced.
    assert "er det avgjørende å organisere arbeidet på en effektiv måte" not in html
    assert "Ansvarlig redaktør" not in html


def test_a_rule_shows_its_condition_in_words_its_duty_interpretation_and_scenarios(site: Path):
    html = (site / "index.html").read_text(encoding="utf-8")
    article = html[html.index('id="regel-4.1-departementet-forum"'):]
    article = article[: article.index("</article>")]
    assert "minst én av disse gjelder:" in article and "Møtets nivå i forumet: ledernivå" in article
    assert "at least one of these holds:" in article
    assert '(avledet: <a href="plikter.html#faktum-ministry_of_justice_absent"><code>' in article
    assert "«(ledernivå)» står bare etter GDISC og NU" in article
    assert "@tolkning" in article and '<code class="sted">features/4.1-rapportering.feature:' in article
    assert '<code class="sted">rules/4.1-rapportering.yaml:' in article
    assert str(ROOT) not in html
    duty = html[html.index('id="regel-4.1-brev-til-departementet"'):]
    assert "UDIs rapportering fra møte – internasjonale fora" in duty[: duty.index("</article>")]


def test_the_coverage_matrix_has_every_provision_and_the_catalogues_their_pages(site: Path, pages: dict[str, Page]):
    book = load_rulebook(ROOT / "rules")
    rows = [i for i in pages["dekning.html"].ids if i.startswith("dekning-")]
    assert rows == [f"dekning-{p}" for p in book.catalogue.provisions]
    assert {f"forum-{f}" for f in book.catalogue.forums} <= set(pages["fora.html"].ids)
    assert {f"plikt-{d}" for d in book.catalogue.duties} <= set(pages["plikter.html"].ids)
    fora = (site / "fora.html").read_text(encoding="utf-8")
    assert "Regnes som" in fora and 'href="#forum-schengen"' in fora
    assert "Gitt et møte i &lt;forum&gt; som avsluttes &lt;dato&gt;" in (site / "steg.html").read_text(encoding="utf-8")


def test_docs_of_broken_rules_exits_1_with_the_located_error(tmp_path: Path):
    (tmp_path / "brudd.yaml").write_text("rules:\n  - id: x\n    titel: feil\n", encoding="utf-8")
    result = run("docs", str(tmp_path / "site"), "--rules", str(tmp_path))
    assert result.returncode == 1
    assert "brudd.yaml:3:5" in result.stderr
    assert not (tmp_path / "site").exists()


def _browser(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               f"--user-data-dir={cwd / 'profil'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.mark.skipif(BROWSER is None, reason="ingen chromium installert (apt-get install -y chromium) [no chromium installed]")
def test_the_site_opens_in_a_real_browser_from_file_with_every_section_and_a_working_search(site: Path, tmp_path: Path):
    shot = tmp_path / "forside.png"
    taken = _browser("--window-size=1280,1600", f"--screenshot={shot}", (site / "index.html").as_uri(), cwd=tmp_path)
    assert shot.is_file(), taken.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000, "the screenshot is blank"
    dumped = _browser("--virtual-time-budget=5000", "--dump-dom",
                      (site / "index.html").as_uri() + "?q=brev%20departementet", cwd=tmp_path)
    dom = Page(dumped.stdout)
    assert [i for i in dom.ids if i.startswith("punkt-")] == [f"punkt-{n}" for n in SECTIONS]
    entries = json.loads((site / "sok-indeks.js").read_text(encoding="utf-8").split("=", 1)[1].rstrip().rstrip(";"))
    assert f'data-sok="{len(entries)}"' in dumped.stdout, "the search script did not run"
    assert "index.html#regel-4.1-brev-til-departementet" in dom.links, "the search found nothing"


def test_rules_without_a_features_folder_say_the_scenarios_are_not_shown(tmp_path: Path):
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    result = run("docs", str(tmp_path / "site"), "--rules", str(tmp_path / "rules"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Fant ingen features-mappe ved siden av reglene" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_an_out_that_is_a_file_or_cannot_be_written_is_a_usage_error(tmp_path: Path):
    (tmp_path / "fil").write_text("", encoding="utf-8")
    assert run("docs", str(tmp_path / "fil"), cwd=tmp_path).returncode == 64
    blocked = tmp_path / "fil" / "site"  # a folder cannot be made inside a file, even by root
    result = run("docs", str(blocked), "--format", "json", cwd=tmp_path)
    assert result.returncode == 64
    assert json.loads(result.stdout)["message"]["en"].startswith(f"{blocked}: cannot write the site")
