"""SLA (第三条 4, 8, 10) and deliverables (第六条 3) clauses: their Rego tests, and the
generator's contract year judged end to end (compliant passes; each planted breach is
found under its clause)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import policies
from checker.bundle import MANIFEST, build_manifest, dump_json, load_bundle
from checker.catalogue import load_params
from checker.check import evaluate_bundle
from checker.engine.embedded import EmbeddedEngine
from checker.generate import PLANTED, generate
from checker.model import ClauseResult, Status
from checker.store.local import LocalStore

CLAUSES = ("3.4.d", "3.8.a", "3.8.b", "3.8.c", "3.10", "6.3.1", "6.3.2", "6.3.3", "6.3.4")
AREAS = ("sla/", "deliverables/")

_TESTS = [p for p in policies.discover() if p.is_test and p.file.path.startswith(AREAS)]


@pytest.fixture(scope="module")
def rego_engine() -> EmbeddedEngine:
    engine = EmbeddedEngine()
    files = policies.policy_files() + [p.file for p in _TESTS]
    engine.load(files, {"params": load_params()})
    return engine


def test_every_clause_has_a_policy_with_tests() -> None:
    by_clause = policies.clause_policies()
    for clause in CLAUSES:
        info = by_clause[clause]
        tests = [t for t in _TESTS if t.package == info.package + "_test"]
        assert tests, f"{info.file.path} has no _test.rego beside it"
        rules = tests[0].test_rules
        assert any(r.startswith("test_success_") for r in rules), clause
        assert any(r.startswith("test_fail_") for r in rules), clause


@pytest.mark.parametrize(
    ("package", "rule"),
    [(t.package, r) for t in _TESTS for r in t.test_rules],
    ids=lambda v: v.rsplit(".", 1)[-1] if isinstance(v, str) and "." in v else str(v),
)
def test_rego(rego_engine: EmbeddedEngine, package: str, rule: str) -> None:
    [outcome] = rego_engine.run_tests(package, [rule])
    assert outcome.passed, f"{package}.{rule} failed: {outcome.error or ''} {outcome.prints}"


# ---- the generated contract year, judged end to end ------------------------------------
SCALE = 0.1  # ~200 tickets: every breach kind still planted, the suite stays fast


def _judge(path: Path, *, breaches: bool) -> dict[str, ClauseResult]:
    generate(path, seed=7, scale=SCALE, breaches=breaches)
    results = evaluate_bundle(load_bundle(LocalStore(path)))
    return {r.clause.id: r for r in results if r.clause.id in CLAUSES}


@pytest.fixture(scope="module")
def compliant(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ClauseResult]:
    return _judge(tmp_path_factory.mktemp("year"), breaches=False)


@pytest.fixture(scope="module")
def breached(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, ClauseResult], list[dict[str, str]]]:
    path = tmp_path_factory.mktemp("breaches")
    results = _judge(path, breaches=True)
    planted = json.loads((path / PLANTED).read_text(encoding="utf-8"))
    return results, [b for b in planted if b["clause"] in CLAUSES]


@pytest.mark.parametrize("clause", CLAUSES)
def test_compliant_year_passes(compliant: dict[str, ClauseResult], clause: str) -> None:
    result = compliant[clause]
    assert result.status is Status.PASS, [v.message for v in result.violations]
    assert result.expected == result.actual and result.expected > 0


def test_every_clause_has_a_planted_breach(
    breached: tuple[dict[str, ClauseResult], list[dict[str, str]]],
) -> None:
    _, planted = breached
    assert {b["clause"] for b in planted} == set(CLAUSES)


def test_each_planted_breach_found_under_its_clause(
    breached: tuple[dict[str, ClauseResult], list[dict[str, str]]],
) -> None:
    results, planted = breached
    for b in planted:
        result = results[b["clause"]]
        assert result.status is Status.FAIL, b
        assert b["evidence"] in {v.evidence for v in result.violations}, (b, result.violations)


def test_nothing_fails_beyond_what_was_planted(
    breached: tuple[dict[str, ClauseResult], list[dict[str, str]]],
) -> None:
    results, planted = breached
    for clause, result in results.items():
        expected = {b["evidence"] for b in planted if b["clause"] == clause}
        assert {v.evidence for v in result.violations} == expected, clause


def test_ticket_measures_give_mean_times_for_liability(compliant: dict[str, ClauseResult]) -> None:
    response, clearing = compliant["3.8.a"].measures, compliant["3.10"].measures
    assert 0 < response["mean_minutes"] <= response["worst_minutes"] <= 5
    assert len(response["monthly_mean_minutes"]) == 12  # one bucket per service month
    assert (
        clearing["mean_recovery_minutes"] > 0
        and len(clearing["monthly_mean_recovery_minutes"]) == 12
    )
    assert clearing["worst_minutes_important"] <= 10 < clearing["worst_minutes_other"] <= 30


def test_onsite_not_applicable_when_no_ticket_needed_it(tmp_path: Path) -> None:
    generate(tmp_path / "y", seed=3, scale=0.02)
    store = LocalStore(tmp_path / "y")
    doc = json.loads(store.read("service/tickets.json"))
    for t in doc["tickets"]:
        t["onsite_required"] = False
        t["onsite_arrived_at"] = None
    out = tmp_path / "z"
    files = [
        (p, k, dump_json(doc) if p == "service/tickets.json" else store.read(p))
        for p, k in ((f["path"], f["kind"]) for f in json.loads(store.read(MANIFEST))["files"])
    ]
    target = LocalStore(out)
    for p, _k, data in files:
        target.write_once(p, data)
    manifest = json.loads(store.read(MANIFEST))
    manifest.update(
        build_manifest(
            bundle_id=manifest["bundle_id"],
            contract_id=manifest["contract_id"],
            period=manifest["period"],
            producer=manifest["producer"],
            files=files,
        )
    )
    target.write_once(MANIFEST, dump_json(manifest))
    result = next(r for r in evaluate_bundle(load_bundle(target)) if r.clause.id == "3.8.c")
    assert result.status is Status.NOT_APPLICABLE
