"""Issue 13, second lane: 9.14, 9.15, 11.2, 11.4, 15.3, 15.7, A4.5.6, A4.6.1, 17.1.

The Rego tests beside each policy (tests/test_policies.py) hold the boundaries; here: the
catalogue wiring, a generated compliant year passing each clause, the year with planted
breaches failing each under its clause, Party B unable to make a pass by signing Party A's
approvals itself, and the bundle period deciding whether the end-of-term duty (A4.6.1) is due.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from checker import schemas
from checker.bundle import dump_json, sha256_bytes
from checker.catalogue import load_catalogue
from checker.check import run_check
from checker.generate import PLANTED, generate
from checker.model import ClauseResult, Report, Status
from checker.store.local import LocalStore

CLAUSES = {
    "9.14": ("contract.duties.third_party_assist", ["third_party_assist"]),
    "9.15": ("contract.duties.suspensions", ["suspensions"]),
    "11.2": ("contract.confidentiality.publicity", ["publicity"]),
    "11.4": ("contract.deliverables.ip_handover", ["ip_handover", "deliverables"]),
    "15.3": ("contract.confidentiality.data_access", ["data_access", "confidentiality"]),
    "15.7": ("contract.duties.management_reports", ["management_reports"]),
    "A4.5.6": ("contract.confidentiality.media_removal", ["media_removals"]),
    "A4.6.1": ("contract.confidentiality.end_of_term", ["confidential_disposal"]),
    "17.1": ("contract.duties.supplementary_contracts", ["supplementary_contracts"]),
}
NEW_KINDS = sorted({k for _, kinds in CLAUSES.values() for k in kinds} - {"deliverables", "confidentiality"})
SEED, SCALE = 7, 0.2


def _result(report: Report, clause: str) -> ClauseResult:
    (result,) = [r for r in report.results if r.clause.id == clause]
    return result


def _rewrite(bundle: Path, rel: str, doc: Any) -> None:
    data = dump_json(doc)
    (bundle / rel).write_bytes(data)
    manifest_path = bundle / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for f in manifest["files"]:
        if f["path"] == rel:
            f["sha256"] = sha256_bytes(data)
    manifest_path.write_bytes(dump_json(manifest))


def _paths(bundle: Path) -> dict[str, str]:
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    return {f["kind"]: f["path"] for f in manifest["files"]}


@pytest.fixture(scope="module")
def compliant_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("compliant") / "bundle"
    generate(out, seed=SEED, scale=SCALE)
    return out


@pytest.fixture(scope="module")
def compliant(compliant_bundle: Path) -> Report:
    return run_check(LocalStore(compliant_bundle))


@pytest.fixture(scope="module")
def breaches(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("breaches") / "bundle"
    generate(out, seed=SEED, scale=SCALE, breaches=True)
    return run_check(LocalStore(out)), json.loads((out / PLANTED).read_text(encoding="utf-8"))


@pytest.mark.parametrize("clause", CLAUSES)
def test_catalogue_automates_the_clause_with_its_policy_and_kinds(clause: str) -> None:
    (entry,) = [c for c in load_catalogue() if c.id == clause]
    package, kinds = CLAUSES[clause]
    assert entry.automated and entry.policy == package
    assert list(entry.evidence_kinds) == kinds
    for kind in kinds:
        assert clause in schemas.kind_schema(kind)["x-clauses"]


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_new_kind_schema_describes_itself(kind: str) -> None:
    schema = schemas.kind_schema(kind)
    assert schema["description"] and schema["x-clauses"]
    assert schema["properties"]["kind"] == {"const": kind}


@pytest.mark.parametrize("clause", CLAUSES)
def test_compliant_year_passes(compliant: Report, clause: str) -> None:
    result = _result(compliant, clause)
    assert result.status is Status.PASS, (result.status, result.reason, result.violations)


@pytest.mark.parametrize("clause", CLAUSES)
def test_planted_breach_is_found_under_its_clause(
    breaches: tuple[Report, list[dict[str, str]]], clause: str
) -> None:
    report, planted = breaches
    mine = [b for b in planted if b["clause"] == clause]
    assert len(mine) == 1, f"one breach planted for {clause}: {mine}"
    result = _result(report, clause)
    assert result.status is Status.FAIL, (result.status, result.reason)
    assert mine[0]["evidence"] in {v.evidence for v in result.violations}, (mine, result.violations)


def _forge(value: Any) -> Any:
    """Every written approval re-signed by Party B itself."""
    if isinstance(value, dict):
        return {k: ("party_b" if k == "organisation_role" else _forge(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_forge(v) for v in value]
    return value


def test_approvals_party_b_signs_itself_never_make_a_pass(compliant_bundle: Path, tmp_path: Path) -> None:
    # Party A's consents, permissions, instructions and receipts, the recipients' receipts and
    # the supplementary contract's Party A signature, all signed by Party B instead
    out = tmp_path / "forged"
    shutil.copytree(compliant_bundle, out)
    where = _paths(out)
    for kind in NEW_KINDS:
        doc = json.loads((out / where[kind]).read_text(encoding="utf-8"))
        _rewrite(out, where[kind], _forge(doc))
    report = run_check(LocalStore(out))
    expected = {c: Status.FAIL for c in CLAUSES if c != "15.3"}  # 15.3 reads no approval
    expected["9.14"] = Status.NOT_APPLICABLE  # a request not signed by Party A is no request
    got = {c: _result(report, c).status for c in expected}
    assert got == expected
    assert _result(report, "9.14").measures["unverified_requests"]
    assert _result(report, "15.3").status is Status.PASS


def test_end_of_term_duty_follows_the_bundle_period(compliant_bundle: Path, tmp_path: Path) -> None:
    # the same evidence in a bundle that says it covers only the first half-year: the end
    # of the ops work is outside it, so A4.6.1 is not applicable there (no disposal in the
    # half-year either, so A4.6.3 has nothing to judge)
    out = tmp_path / "half"
    shutil.copytree(compliant_bundle, out)
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["period"]["end"] = "2026-03-03T00:00:00+08:00"
    manifest_path.write_bytes(dump_json(manifest))
    where = _paths(out)
    doc = json.loads((out / where["confidential_disposal"]).read_text(encoding="utf-8"))
    doc["disposals"] = []
    doc["instructions"] = [i for i in doc["instructions"] if i["approval"]["signed_at"] < "2026-03-03"]
    _rewrite(out, where["confidential_disposal"], doc)
    half = run_check(LocalStore(out))
    assert _result(half, "A4.6.1").status is Status.NOT_APPLICABLE
    # the full-term bundle judges the end: drop the hand-back of Party A's instruction EI-1
    full = tmp_path / "full"
    shutil.copytree(compliant_bundle, full)
    doc = json.loads((full / where["confidential_disposal"]).read_text(encoding="utf-8"))
    doc["disposals"] = [d for d in doc["disposals"] if d["instruction_id"] != "EI-1"]
    _rewrite(full, where["confidential_disposal"], doc)
    result = _result(run_check(LocalStore(full)), "A4.6.1")
    assert result.status is Status.FAIL
    assert any("EI-1" in v.message and "no disposal record" in v.message for v in result.violations)
