"""Baseline security services (第二条 2(2): 2.2.2.1-2.2.2.16), 7x24 monitoring (3.6.a),
holiday and major-event duty (3.9), and signed attestations for the clauses no record
can show (2.2.2.2, 2.2.2.4, 2.2.2.5, 3.1, 3.5, 3.7, 9.19).

Layers: Rego unit tests beside each policy (run by tests/test_policies.py); a generated
compliant year on which every clause of this lane passes; a generated year with planted
breaches, each found under its clause; attestation acceptance end to end through small
bundles written here.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from checker.generate.signing import sign_file

from checker.bundle import MANIFEST, build_manifest, dump_json
from checker.catalogue import load_catalogue, load_params
from checker.check import run_check
from checker.generate import PLANTED, generate
from checker.generate.kinds import attestations as attestation_kind
from checker.generate.world import build_world
from checker.holidays import holidays_in_period
from checker.model import Report, Status
from checker.store.local import LocalStore

AUTOMATED = [
    "2.2.2.1",
    "2.2.2.6",
    "2.2.2.7",
    "2.2.2.8",
    "2.2.2.9",
    "2.2.2.10",
    "2.2.2.11",
    "2.2.2.12",
    "2.2.2.13",
    "2.2.2.14",
    "2.2.2.15",
    "2.2.2.16",
    "3.6.a",
    "3.9",
]
ATTESTED = ["2.2.2.2", "2.2.2.4", "2.2.2.5", "3.1", "3.5", "3.7", "9.19"]
PLANTED_HERE = ["2.2.2.1", "2.2.2.6", "2.2.2.7", "2.2.2.8", "2.2.2.12", "2.2.2.14", "3.6.a", "3.9"]


def by_clause(report: Report) -> dict[str, Any]:
    return {r.clause.id: r for r in report.results}


@pytest.fixture(scope="module")
def compliant(tmp_path_factory: pytest.TempPathFactory) -> Report:
    out = tmp_path_factory.mktemp("baseline") / "compliant"
    generate(out, seed=3)
    return run_check(LocalStore(out))


@pytest.fixture(scope="module")
def breaches(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("baseline") / "breaches"
    generate(out, seed=3, breaches=True)
    return run_check(LocalStore(out)), json.loads((out / PLANTED).read_text(encoding="utf-8"))


def test_catalogue_marks_this_lane_as_described() -> None:
    rows = {c.id: c for c in load_catalogue()}
    assert all(rows[c].automated for c in AUTOMATED)
    for clause in ATTESTED:  # manual by nature: decided only by a signed attestation
        assert not rows[clause].automated and rows[clause].evidence_kinds == ("attestations",)


@pytest.mark.parametrize("clause", AUTOMATED + ATTESTED)
def test_compliant_year_passes(compliant: Report, clause: str) -> None:
    result = by_clause(compliant)[clause]
    assert result.status is Status.PASS, (result.status, result.reason, result.violations)


@pytest.mark.parametrize("clause", ATTESTED)
def test_attested_clause_says_who_confirmed_it(compliant: Report, clause: str) -> None:
    reason = by_clause(compliant)[clause].reason
    assert "signed by Party A (key ed25519:" in reason  # the verified signature (issue 14)
    assert "attestations/attestations.json#/attestations/" in reason


@pytest.mark.parametrize("clause", PLANTED_HERE)
def test_planted_breach_is_found_under_its_clause(
    breaches: tuple[Report, list[dict[str, str]]], clause: str
) -> None:
    report, planted = breaches
    assert any(b["clause"] == clause for b in planted), f"nothing planted for {clause}"
    result = by_clause(report)[clause]
    assert result.status is Status.FAIL, (result.status, result.reason)
    assert result.violations


def test_roster_gap_is_reported_with_its_hours(
    breaches: tuple[Report, list[dict[str, str]]],
) -> None:
    # the generator removed the 00:00-08:00 shift of day 70 (2025-09-03 + 70 days = 2025-11-12)
    messages = [v.message for v in by_clause(breaches[0])["2.2.2.1"].violations]
    assert (
        "no registered staff on duty from 2025-11-12T00:00:00+08:00 to 2025-11-12T08:00:00+08:00 "
        "(480 minutes) [2.2.2.1]"
    ) in messages
    assert any("B-TMP-901" in m and "not in the staff register" in m for m in messages)


def test_spring_festival_understaffing_is_named(
    breaches: tuple[Report, list[dict[str, str]]],
) -> None:
    result = by_clause(breaches[0])["3.9"]
    assert [v.details["occasion"] for v in result.violations] == [
        "public holiday 2026-02-17 (Spring Festival)"
    ]
    # every holiday date of the period, plus the two events Party A declared
    # (the third was declared by Party B itself and obliges nobody)
    assert result.expected == len(holidays_in_period(load_params()) or []) + 2
    assert result.actual == result.expected - 1


def test_holidays_follow_the_official_calendar_with_adjusted_working_days() -> None:
    days = {h["date"]: h for h in holidays_in_period(load_params()) or []}
    assert [d for d in days if d.startswith("2026-02")] == [f"2026-02-{n}" for n in range(15, 24)]
    assert "2025-09-28" not in days and "2026-02-14" not in days  # Sunday / Saturday worked
    assert "2025-10-04" in days  # a Saturday inside the National Day block is a holiday
    assert days["2025-10-01"]["start"] == "2025-10-01T00:00:00+08:00"
    assert days["2025-10-01"]["end"] == "2025-10-02T00:00:00+08:00"


def test_a_period_the_calendar_does_not_know_is_reported_not_guessed() -> None:
    params = dict(
        load_params(),
        period={
            "start": "2031-01-01T00:00:00+08:00",
            "end": "2032-01-01T00:00:00+08:00",
            "months": 12,
        },
    )
    assert holidays_in_period(params) is None  # 3.9 then fails with "does not know its years"


# ---- attestations end to end --------------------------------------------------------


def attestation_bundle(root: Path, doc: dict[str, Any], signer: str = "party_a",
                       signed_at: str = "2026-09-03T00:00:00+08:00") -> LocalStore:
    """A bundle of one attestations file, signed with an example key (issue 14)."""
    params = load_params()
    data = dump_json(doc)
    manifest = build_manifest(
        bundle_id="attestation-test",
        contract_id=params["contract_id"],
        period={"start": params["period"]["start"], "end": params["period"]["end"]},
        producer={"role": "provider-ops", "organisation_role": "party_b", "tool": "test"},
        files=[("attestations.json", "attestations", data)],
    )
    store = LocalStore(root)
    store.write_once("attestations.json", data)
    store.write_once(MANIFEST, dump_json(manifest))
    sign_file(root / "attestations.json", signer, signed_at)
    return store


@pytest.fixture
def good_doc() -> dict[str, Any]:
    world = build_world(1, 1.0, load_params(), breaches=False)
    return attestation_kind.generate(world)


def _subcontracting(doc: dict[str, Any]) -> dict[str, Any]:
    return next(a for a in doc["attestations"] if a["clauses"] == ["9.19"])


def test_accepted_attestation_passes_only_the_clauses_it_names(
    tmp_path: Path, good_doc: dict[str, Any]
) -> None:
    doc = copy.deepcopy(good_doc)
    doc["attestations"] = [_subcontracting(doc)]
    results = by_clause(run_check(attestation_bundle(tmp_path, doc)))
    assert results["9.19"].status is Status.PASS
    assert results["3.7"].status is Status.MANUAL
    assert "none in the bundle covers this clause" in results["3.7"].reason


def _same(a: dict[str, Any]) -> None:
    pass


@pytest.mark.parametrize(
    ("change", "signer", "signed_at", "why"),
    [
        (_same, "party_b", "2026-09-03T00:00:00+08:00", "signed by Party B only"),
        (lambda a: a["covers"].update(start="2026-01-01T00:00:00+08:00"), "party_a",
         "2026-09-03T00:00:00+08:00", "not the whole contract term"),
        (lambda a: a.update(attested_at="2026-06-30T10:00:00+08:00"), "party_a",
         "2026-09-03T00:00:00+08:00", "before the contract term ended"),
        (_same, "party_a", "2026-06-30T10:00:00+08:00", "before the contract term ended"),
    ],
    ids=["party-b-alone", "partial-cover", "dated-early", "countersigned-early"],
)
def test_attestation_that_cannot_vouch_leaves_the_clause_manual(
    tmp_path: Path, good_doc: dict[str, Any], change: Any, signer: str, signed_at: str, why: str
) -> None:
    doc = copy.deepcopy(good_doc)
    att = _subcontracting(doc)
    change(att)
    doc["attestations"] = [att]
    result = by_clause(run_check(attestation_bundle(tmp_path, doc, signer, signed_at)))["9.19"]
    assert result.status is Status.MANUAL
    assert why in result.reason and "ATT-SUBCONTRACT not accepted" in result.reason


def test_attestation_with_a_personal_name_is_invalid_evidence(
    tmp_path: Path, good_doc: dict[str, Any]
) -> None:
    doc = copy.deepcopy(good_doc)
    doc["attestations"][0]["signatories"][0]["name"] = "a person's name"  # roles only
    results = by_clause(run_check(attestation_bundle(tmp_path, doc)))
    assert results["9.19"].status is Status.INVALID
    assert results["2.2.2.2"].status is Status.INVALID
