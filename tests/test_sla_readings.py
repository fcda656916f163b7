"""Issue 11 readings of 第三条 service levels and 第十四条 3, judged on the committed examples:
downtime Party B answers for (reading rule 4, policies/lib/excuse.rego), probes joined as a
union, series that stop early, and the "silent pass" of issue 14 (a listed but unusable
availability_samples file must never let 3.4.a or 3.6.a pass)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from checker import paths
from checker.bundle import load_bundle
from checker.check import evaluate_bundle
from checker.model import ClauseResult, Status
from checker.store.local import LocalStore

SAMPLES = "sla/availability_samples.json"
FORCE_MAJEURE = "sla/force_majeure.json"


def _results(path: Path) -> dict[str, ClauseResult]:
    return {r.clause.id: r for r in evaluate_bundle(load_bundle(LocalStore(path)))}


@pytest.fixture(scope="module")
def compliant() -> dict[str, ClauseResult]:
    return _results(paths.EXAMPLES / "compliant")


@pytest.fixture(scope="module")
def breaches() -> dict[str, ClauseResult]:
    return _results(paths.EXAMPLES / "breaches")


def _unlist(bundle: Path, rel: str) -> None:
    manifest = bundle / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["files"] = [f for f in doc["files"] if f["path"] != rel]
    manifest.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (bundle / rel).unlink()


# ---- compliant: what Party B does not answer for is shown apart -----------------------------
def test_compliant_force_majeure_outage_is_excused_and_shown_apart(
    compliant: dict[str, ClauseResult],
) -> None:
    a = compliant["3.4.a"]
    assert a.status is Status.PASS
    excused = {e["outage_id"]: e for e in a.measures["excused"]}
    assert excused["O-FM1"]["minutes"] == 95 and excused["O-FM1"]["cause"] == "force_majeure"
    # the designated-provider outages, confirmed by Party A, are shown apart too
    assert {e["cause"] for e in excused.values()} == {"force_majeure", "third_party"}
    assert a.measures["not_excused"] == []
    fm = compliant["14.3"]
    assert fm.status is Status.PASS
    # event 2026-01-31: 15 天 end on 2026-02-15, inside the Spring Festival holiday (15-23
    # February 2026): the period ends on the first working day after it (reading rule 2)
    assert fm.measures["deadlines"] == {"FM-0001": "2026-02-24"}


# ---- breaches: planted cases of the new readings ---------------------------------------------
def test_force_majeure_proved_late_counts_and_fails_14_3(breaches: dict[str, ClauseResult]) -> None:
    a = breaches["3.4.a"]
    refused = {e["outage_id"]: e for e in a.measures["not_excused"]}
    assert "after the deadline" in refused["O-P4"]["why"]
    assert "S6" in {v.details["system_id"] for v in a.violations if "downtime_minutes" in v.details}
    assert [v.details["claim_id"] for v in breaches["14.3"].violations] == ["FM-P1"]


def test_two_probes_on_one_grid_count_a_minute_once(breaches: dict[str, ClauseResult]) -> None:
    # S7 has two probes that both saw the same 30 unrecorded minutes down: the union keeps
    # S7 within 52.56 min; adding the probes up (the old reading) would exceed it
    doc = json.loads((paths.EXAMPLES / "breaches" / SAMPLES).read_text(encoding="utf-8"))
    s7 = [s for s in doc["series"] if s["system_id"] == "S7"]
    assert len(s7) == 2
    summed = sum(s["values"].count("0") for s in s7)
    a = breaches["3.4.a"]
    down = a.measures["systems"]["S7"]["downtime_minutes"]
    assert down <= a.measures["allowed_downtime_minutes"] < summed
    assert "S7" not in {v.details.get("system_id") for v in a.violations}


def test_series_stopping_early_is_a_gap_for_3_4_a_and_3_6_a(breaches: dict[str, ClauseResult]) -> None:
    a = {v.details["system_id"]: v for v in breaches["3.4.a"].violations if "unobserved_minutes" in v.details}
    assert a["S1"].details["unobserved_minutes"] == 3 * 24 * 60
    m = {v.details.get("system_id"): v for v in breaches["3.6.a"].violations}
    assert m["S1"].details["longest_minutes"] == 3 * 24 * 60


# ---- issue 14 "silent pass": availability_samples is required ---------------------------------
@pytest.mark.parametrize("clause", ["3.4.a", "3.6.a"])
def test_corrupted_samples_make_the_clause_invalid_never_pass(
    bundle_copy: Callable[[str], Path], clause: str
) -> None:
    bundle = bundle_copy("breaches")
    path = bundle / SAMPLES
    path.write_bytes(path.read_bytes().replace(b'"1', b'"0', 1))  # no longer the manifest's sha256
    assert _results(bundle)[clause].status is Status.INVALID


@pytest.mark.parametrize("clause", ["3.4.a", "3.6.a"])
def test_absent_or_unlisted_samples_make_the_clause_missing(
    bundle_copy: Callable[[str], Path], clause: str
) -> None:
    absent = bundle_copy("breaches")
    (absent / SAMPLES).unlink()
    assert _results(absent)[clause].status is Status.MISSING
    unlisted = bundle_copy("compliant")
    _unlist(unlisted, SAMPLES)
    assert _results(unlisted)[clause].status is Status.MISSING


def test_without_force_majeure_records_nothing_is_excused(bundle_copy: Callable[[str], Path]) -> None:
    # force_majeure is optional for 3.4.a: without it the 95-minute outage of the compliant
    # year counts, so its absence can turn a pass into a fail, never a fail into a pass
    bundle = bundle_copy("compliant")
    _unlist(bundle, FORCE_MAJEURE)
    results = _results(bundle)
    a = results["3.4.a"]
    assert a.status is Status.FAIL
    assert [v.details["system_id"] for v in a.violations] == ["S2"]
    assert results["14.3"].status is Status.MISSING
