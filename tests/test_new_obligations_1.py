"""Issue 13, first half: the obligations that had no id and now have a policy (3.3 derived,
3.6.b, 3.8.d, 4.1, 8.9, 9.4, 9.11, 9.16, 10.2.2). A generated compliant year passes each;
the year with planted breaches fails each under its own clause, citing the planted file;
3.3 follows the security-control evidence (missing / invalid) and is never attested."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.catalogue import load_catalogue
from checker.check import run_check
from checker.generate import PLANTED, generate
from checker.model import ClauseResult, Report, Status
from checker.store.local import LocalStore

NEW = ["3.3", "3.6.b", "3.8.d", "4.1", "8.9", "9.4", "9.11", "9.16", "10.2.2"]
SCALE = 0.2


def _generated(tmp: Path, breaches: bool) -> tuple[Report, list[dict[str, str]], Path]:
    out = tmp / "bundle"
    generate(out, seed=7, scale=SCALE, breaches=breaches)
    planted = json.loads((out / PLANTED).read_text(encoding="utf-8")) if breaches else []
    return run_check(LocalStore(out)), planted, out


@pytest.fixture(scope="module")
def compliant(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    report, _, out = _generated(tmp_path_factory.mktemp("compliant"), False)
    return report, out


@pytest.fixture(scope="module")
def breaches(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, list[dict[str, str]]]:
    report, planted, _ = _generated(tmp_path_factory.mktemp("breaches"), True)
    return report, planted


def _result(report: Report, clause: str) -> ClauseResult:
    (result,) = [r for r in report.results if r.clause.id == clause]
    return result


def test_the_new_clauses_are_automated_with_a_reading() -> None:
    by_id = {c.id: c for c in load_catalogue()}
    for clause in NEW:
        assert by_id[clause].automated and by_id[clause].policy, clause
        assert by_id[clause].reading, clause
        assert "attestations" not in by_id[clause].evidence_kinds, clause


@pytest.mark.parametrize("clause", NEW)
def test_compliant_year_passes(compliant: tuple[Report, Path], clause: str) -> None:
    result = _result(compliant[0], clause)
    assert result.status is Status.PASS, (result.status, result.reason, result.violations)


@pytest.mark.parametrize("clause", NEW)
def test_planted_breach_is_found_under_its_clause(
    breaches: tuple[Report, list[dict[str, str]]], clause: str
) -> None:
    report, planted = breaches
    mine = [b for b in planted if b["clause"] == clause]
    assert len(mine) == 1, f"one breach planted for {clause}, got {mine}"
    result = _result(report, clause)
    assert result.status is Status.FAIL, (result.status, result.reason)
    cited = {v.evidence.split("#")[0] for v in result.violations}
    assert mine[0]["evidence"].split("#")[0] in cited, (mine, cited)


def test_replacement_due_after_national_day_is_met_on_the_first_working_day(
    compliant: tuple[Report, Path],
) -> None:
    # received Fri 2025-09-26: 5 日 end on 2025-10-01 (National Day, 10-01..10-08 off), so
    # the period ends on Thu 10-09 (reading rule 2); the generator replaces on that day
    doc = json.loads((compliant[1] / "duty/replacements.json").read_text(encoding="utf-8"))
    first = doc["requests"][0]
    assert first["received_at"].startswith("2025-09-26")
    assert first["replaced_at"].startswith("2025-10-09")
    assert _result(compliant[0], "8.9").status is Status.PASS


def test_major_event_measure_names_who_was_on_site(compliant: tuple[Report, Path]) -> None:
    # 12.4.2 (promised key and management staff absent during a major event) reads this
    events = _result(compliant[0], "9.11").measures["events"]
    assert set(events) == {"ME-2026-01", "ME-2026-02"}  # ME-2026-03 was declared by Party B
    for ev in events.values():
        assert ev["uncovered_minutes"] == 0
        roles = {p["role"] for p in ev["on_site"]}
        assert any("project manager" in r for r in roles) and any("key engineer" in r for r in roles)


def test_derived_3_3_names_the_failing_control(
    breaches: tuple[Report, list[dict[str, str]]],
) -> None:
    result = _result(breaches[0], "3.3")
    controls = {v.details["control"] for v in result.violations}
    failed = {r.clause.id for r in breaches[0].results if r.status is Status.FAIL}
    assert controls and controls <= {f"2.2.2.{n}" for n in range(6, 14)} and controls <= failed


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def test_3_3_is_missing_without_the_platform_security_record(
    compliant: tuple[Report, Path], tmp_path: Path
) -> None:
    out = _copy(compliant[1], tmp_path / "b")
    (out / "security/platform.json").unlink()
    result = _result(run_check(LocalStore(out)), "3.3")
    assert result.status is Status.MISSING, (result.status, result.reason)


def test_3_3_is_invalid_when_a_control_record_was_altered(
    compliant: tuple[Report, Path], tmp_path: Path
) -> None:
    out = _copy(compliant[1], tmp_path / "b")
    path = out / "security/monthly_records.json"
    path.write_text(path.read_text(encoding="utf-8").replace("2026", "2027", 1), encoding="utf-8")
    result = _result(run_check(LocalStore(out)), "3.3")
    assert result.status is Status.INVALID, (result.status, result.reason)
