"""The memo is fully accounted for: every provision is a rule or says why it is not."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from udi_rules import Rulebook

ROOT = Path(__file__).resolve().parent.parent
MEMO = ROOT / "rules" / "IM-2011-013.txt"
#: The memo as published (revised 11.03.2013), without the web page's menu above its heading.
MEMO_SHA256 = "33e2046f73b3b908b1b20f241a5608875a4f460e29516d1a66784d7298bbabf2"


def _words(text: str) -> str:
    text = text.replace("\u201d", '"').replace("\u201c", '"')
    return re.sub(r"\s+", " ", text)


def _encoded(rulebook: Rulebook) -> set[str]:
    """Provisions cited by a rule, or by a duty that some rule concludes."""
    catalogue = rulebook.catalogue
    cited = set()
    for checked in rulebook.checked.rules:
        rule = checked.rule
        if rule.citation.provision:
            cited.add(rule.citation.provision)
        if rule.then.duty:
            cited.update(catalogue.duties[rule.then.duty].provisions)
    return cited


def test_every_provision_is_encoded_or_says_why_not(rulebook: Rulebook):
    encoded = _encoded(rulebook)
    orphans = [
        p.id for p in rulebook.catalogue.provisions.values() if p.not_a_rule is None and p.id not in encoded
    ]
    assert not orphans, f"provisions neither encoded by a rule nor marked not_a_rule: {orphans}"


def test_no_provision_is_both_a_rule_and_not_a_rule(rulebook: Rulebook):
    both = [p.id for p in rulebook.catalogue.provisions.values() if p.not_a_rule and p.id in _encoded(rulebook)]
    assert not both, f"provisions marked not_a_rule but cited by rules: {both}"


def test_every_rule_cites_a_provision_of_its_section(rulebook: Rulebook):
    provisions = rulebook.catalogue.provisions
    for checked in rulebook.checked.rules:
        citation = checked.rule.citation
        assert citation.provision in provisions, f"{checked.rule.id} cites no known provision"
        assert provisions[citation.provision].section == citation.section, checked.rule.id


def test_every_quote_is_verbatim_in_the_memo(rulebook: Rulebook):
    memo = _words((ROOT / "rules" / "IM-2011-013.txt").read_text(encoding="utf-8"))
    quotes = [p.quote for p in rulebook.catalogue.provisions.values()]
    quotes += [r.rule.citation.quote for r in rulebook.checked.rules]
    missing = [q for q in quotes if _words(q) not in memo]
    assert not missing, f"quotes not found in the memo: {missing}"


def test_the_memo_in_the_rulebook_is_the_specification_without_the_web_menu():
    text = MEMO.read_text(encoding="utf-8")
    assert text.startswith("UDI internmeldinger\n")
    assert "Til startsiden" not in text and "Nettstedskart" not in text
    assert hashlib.sha256(MEMO.read_bytes()).hexdigest() == MEMO_SHA256, "the memo's text changed: review every quote"


def test_every_decision_names_the_version_of_the_memo_it_encodes(rulebook: Rulebook):
    decision = rulebook.evaluate({"year": 2027}, kind="year")
    assert decision.memo is not None
    assert (decision.memo.id, decision.memo.version_date) == ("IM 2011-013", "2013-03-11")
    assert "revidert 11.03.2013" in decision.explain("nb").splitlines()[0]
    assert "11.03.2013" in MEMO.read_text(encoding="utf-8")  # the version is the one the text records


def test_every_section_of_the_memo_has_provisions(rulebook: Rulebook):
    sections = {p.section for p in rulebook.catalogue.provisions.values()}
    assert sections == {"1", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4"}
