"""The memo's meeting rules (3.1, 3.2, 4.1) written out as one plain Python function.

A lower bound, not a competitor: what the rules cost with no engine at all.
It reads the facts as `meetings.plain_facts` gives them (forum resolved to its
catalogue id), and the benchmark checks on every meeting that it concludes
what the engine concludes, so it cannot silently drift from `rules/`.
"""

from __future__ import annotations

from typing import Any

#: Forum ids that count for the forum list of 4.1-9: Schengen (with what counts as Schengen), EASO/EUAA, EMN.
REPORTED_ANY_LEVEL = frozenset({"schengen", "council-working-party-schengen", "mixed-committee", "euaa", "emn"})
#: Forum ids that count for 4.1-9 at leader level only.
REPORTED_AT_LEADER_LEVEL = frozenset({"gdisc", "nu"})
MINISTRIES = frozenset({"JD", "UD", "OTHER_MINISTRY"})


def by_hand(m: dict[str, Any]) -> list[str]:
    """The concluding meeting rules that hold for fully known facts `m`, in rulebook order."""
    delegation = set(m["delegation"])
    minutes = m["official_minutes_exist"]
    alone = not delegation & MINISTRIES  # 3.2-udi-alene
    jd_absent = "JD" not in delegation  # 4.1-jd-deltar-ikke
    forum = m["forum"]
    to_ministry = (  # 4.1-departementet-forum, 4.1-departementet-prinsipielt
        jd_absent
        and (forum in REPORTED_ANY_LEVEL or (forum in REPORTED_AT_LEADER_LEVEL and m["meeting_level"] == "leader"))
    ) or m["principled_questions_discussed"]

    out = ["3.1-vurder-konkret"]
    if m["agenda_level"] == "strategic":
        out.append("3.1-aua-strategisk")
    if m["agenda_level"] == "operational" or m["interpretation_on_agenda"]:
        out.append("3.1-fagavdeling-operativt")
    out += ["3.1-klarering", "3.1-kostnad-gevinst", "3.1-vektlegg-bidrag", "3.1-velg-deltaker", "3.2-ledernivaa"]
    if not m["udi_leader_attends"]:
        out.append("3.2-forankring-uten-leder")
    if m["contribution_needs_principled_clarification"] and m["responsible_department"] != "AUA":
        out.append("3.2-kontakt-aua")
    out.append("3.2-involver-tidlig")
    if m["eu_schengen_legal_change_pending"]:
        out.append("3.2-involver-for-eu-schengen")
    out += ["3.2-vurder-formote", "3.2-vurder-veivalgsnotat"]
    if alone and (
        m["invitation_signals_law_change"]
        or m["invitation_signals_budget_consequences"]
        or m["invitation_signals_political_sensitivity"]
    ):
        out.append("3.2-konsulter-departementet")
    out += ["4.1-intern-rapport", "4.1-vurder-nytte", "4.1-vurder-egne-moter"]
    if minutes:
        out.append("4.1-intern-rapport-vedlegg")
    if to_ministry:
        out.append("4.1-brev-til-departementet")
        if minutes:
            out.append("4.1-brev-vedlegg")
    return out
