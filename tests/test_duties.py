"""Duties lane of issues 3 and 12: 3.4.c, 6.1, 6.2, 7.2.1-7.2.3, 9.2, 9.6, 9.7, 9.8, 9.9, 9.12, 9.13,
10.2.3, 13.1-13.3, 15.4, 15.5.

Three layers: the Rego tests beside each policy (run by tests/test_policies.py), the
working-day calendar handed to the policies, and generated years: the compliant one passes
every duties clause, the one with planted breaches fails each under its clause.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from checker import workdays
from checker.bundle import dump_json, sha256_bytes
from checker.catalogue import load_params
from checker.check import policy_data, run_check
from checker.generate import PLANTED, generate
from checker.model import ClauseResult, Report, Status
from checker.store.local import LocalStore


def test_calendar_lists_adjusted_working_days_and_skips_holidays() -> None:
    cal = workdays.calendar_data(load_params())
    days = set(cal["working_days"])
    assert "2025-09-28" in days  # a Sunday, worked before National Day (调休)
    assert "2026-02-14" in days  # a Saturday, worked before Spring Festival
    assert "2025-10-01" not in days and "2026-02-16" not in days  # National Day, Spring Festival
    assert "2025-09-27" not in days  # an ordinary Saturday
    assert cal["working_days"] == sorted(cal["working_days"])
    assert cal["first_day"] == "2024-01-01"
    assert cal["last_day"] == "2026-12-31"  # the last year chinese-calendar 1.11.0 knows


def test_policies_receive_the_calendar_beside_the_parameters() -> None:
    params = load_params()
    data = policy_data(params)
    assert data["params"] is params
    assert "2026-09-25" not in data["calendar"]["working_days"]  # Mid-Autumn Festival 2026


def test_nth_working_day_after_jumps_national_day_2025() -> None:
    # 09-28 (Sunday) is worked, 10-01..10-08 are off, 10-11 (Saturday) is worked
    assert workdays.nth_working_day_after(date(2025, 9, 26), 1) == date(2025, 9, 28)
    assert workdays.nth_working_day_after(date(2025, 9, 26), 4) == date(2025, 10, 9)
    assert workdays.nth_working_day_after(date(2025, 10, 9), 2) == date(2025, 10, 11)


# ---- generated years, end to end ----------------------------------------------------

DUTIES = [
    "3.4.c",
    "6.1",
    "6.2",
    "7.2.1",
    "7.2.2",
    "7.2.3",
    "9.2",
    "9.6",
    "9.7",
    "9.8",
    "9.9",
    "9.12",
    "9.13",
    "10.2.3",
    "13.1",
    "13.2",
    "13.3",
    "15.4",
    "15.5",
]
NOT_APPLICABLE_IN_A_QUIET_YEAR = {"13.1", "13.2"}  # no exit was asked for or ordered
SCALE = 0.2  # fewer hosts and tickets; every duties breach is still planted


def _generated(tmp: Path, breaches: bool) -> tuple[Report, list[dict[str, str]], Path]:
    out = tmp / "bundle"
    generate(out, seed=7, scale=SCALE, breaches=breaches)
    planted = json.loads((out / PLANTED).read_text(encoding="utf-8")) if breaches else []
    return run_check(LocalStore(out)), planted, out


@pytest.fixture(scope="module")
def compliant(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return _generated(tmp_path_factory.mktemp("compliant"), False)[0]


@pytest.fixture(scope="module")
def breaches(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, list[dict[str, str]], Path]:
    return _generated(tmp_path_factory.mktemp("breaches"), True)


def _result(report: Report, clause: str) -> ClauseResult:
    (result,) = [r for r in report.results if r.clause.id == clause]
    return result


@pytest.mark.parametrize("clause", DUTIES)
def test_compliant_year_passes_every_duties_clause(compliant: Report, clause: str) -> None:
    result = _result(compliant, clause)
    assert result.clause.automated
    expected = Status.NOT_APPLICABLE if clause in NOT_APPLICABLE_IN_A_QUIET_YEAR else Status.PASS
    assert result.status is expected, (result.status, result.reason, result.violations)


@pytest.mark.parametrize("clause", DUTIES)
def test_every_duties_clause_has_a_planted_breach_that_is_found(
    breaches: tuple[Report, list[dict[str, str]], Path], clause: str
) -> None:
    report, planted, _ = breaches
    mine = [b for b in planted if b["clause"] == clause]
    assert mine, f"no breach planted for {clause}"
    result = _result(report, clause)
    assert result.status is Status.FAIL, (result.status, result.reason)
    cited = {v.evidence.split("#")[0] for v in result.violations}
    assert {b["evidence"].split("#")[0] for b in mine} & cited or clause == "9.7"


def test_first_instalment_deadline_follows_the_official_calendar(compliant: Report) -> None:
    # 20 working days after the contract took effect on Wed 2025-09-03 (that day not
    # counted): Sep 4-5 (2), 8-12 (7), 15-19 (12), 22-26 (17), Sun 28 - an adjusted working
    # day before National Day - (18), 29 (19), 30 (20): due 2025-09-30. A plain
    # Monday-to-Friday count would give 2025-10-01, a public holiday.
    assert _result(compliant, "7.2.1").measures["due"] == "2025-09-30"


def test_acceptance_deadline_skips_mid_autumn_and_counts_the_adjusted_sunday(
    compliant: Report,
) -> None:
    # 20 working days after the period's last day, Wed 2026-09-02: Sep 3-4 (2), 7-11 (7),
    # 14-18 (12), Sun 20 - adjusted working day - (13), 21-24 (17), Fri 25 Mid-Autumn is a
    # holiday, 28-30 (20): due 2026-09-30.
    measure = _result(compliant, "6.2").measures
    assert measure["due"] == "2026-09-30"
    assert measure["working_days_after_period"] == 15  # the generator holds it on the 15th


def test_final_payment_amount_is_checked_to_the_fen(
    breaches: tuple[Report, list[dict[str, str]], Path],
) -> None:
    # planted: the full 40% (1,512,160.00) paid although 12,345.67 was deducted:
    # 1,512,160.00 + 12,345.67 = 1,524,505.67 != 1,512,160.00
    report, _, _ = breaches
    (v,) = [v for v in _result(report, "7.2.2").violations if "deducted" in v.message]
    assert v.details["paid_cny"] == "1512160.00"
    assert v.details["deducted_cny"] == "12345.67"
    assert "= 1524505.67, the instalment is 1512160.00" in v.message


def test_a_payment_one_fen_short_fails_and_net_of_an_unfounded_fine_fails(tmp_path: Path) -> None:
    # the same compliant bundle with the final payment changed: 1,512,160.00 - 0.01
    out = tmp_path / "b"
    generate(out, seed=7, scale=SCALE)
    pay_path = out / "contract" / "payments.json"
    doc = json.loads(pay_path.read_text(encoding="utf-8"))
    doc["payments"][1]["amount_cny"] = "1512159.99"
    doc["invoices"][1]["amount_cny"] = "1512159.99"
    _rewrite(out, pay_path, doc)
    assert _result(run_check(LocalStore(out)), "7.2.2").status is Status.FAIL
    doc["payments"][1]["deductions"] = [
        {"amount_cny": "0.01", "reason": "fine", "liability_ref": "A3.5"}
    ]
    _rewrite(out, pay_path, doc)
    # paid + deducted = 40% now, but the compliant year's ledger owes nothing: a 0.01 fine
    # deducted from the final instalment is more than the ledger's deductible total (12.3)
    result = _result(run_check(LocalStore(out)), "7.2.2")
    assert result.status is Status.FAIL
    assert [v.message for v in result.violations] == [
        "final instalment: deducted 0.01, the liability ledger's deductible total is 0.00 [7.2.2]"
    ]


def _rewrite(bundle: Path, path: Path, doc: dict[str, object]) -> None:
    data = dump_json(doc)
    path.write_bytes(data)
    manifest_path = bundle / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    rel = path.relative_to(bundle).as_posix()
    for f in manifest["files"]:
        if f["path"] == rel:
            f["sha256"] = sha256_bytes(data)
    manifest_path.write_bytes(dump_json(manifest))


# clauses whose reading issue 12 corrected: every breach planted for them is cited exactly
NEW_READINGS = ["6.1", "6.2", "6.3.3", "6.3.4", "9.9", "9.13", "13.1", "13.3", "15.4", "15.5"]


@pytest.mark.parametrize("clause", NEW_READINGS)
def test_each_planted_case_of_a_corrected_reading_is_cited_where_planted(
    breaches: tuple[Report, list[dict[str, str]], Path], clause: str
) -> None:
    report, planted, _ = breaches
    cited = {v.evidence for v in _result(report, clause).violations}
    mine = [b for b in planted if b["clause"] == clause]
    assert mine
    for b in mine:
        assert b["evidence"] in cited, (b, cited)


# ---- one calendar for every deadline in 日/天/个月 (民法典 201-203) ---------------------------


def _rego_last_days(days: list[str], n: int, months: bool) -> list[str]:
    import regorus

    from checker import policies

    engine = regorus.Engine()
    for f in policies.policy_files():
        if f.path.startswith("lib/"):
            engine.add_policy(f.path, f.source)
    engine.add_data(policy_data(load_params()))
    engine.add_data({"probe_days": days})
    fn = "last_day_of_months" if months else "last_day_of_days"
    engine.add_policy(
        "probe.rego",
        f"package probe\n\nimport data.contract.lib.calendar as cal\n\n"
        f"out := [x | some d in data.probe_days; x := cal.{fn}(d, {n})]\n",
    )
    result = json.loads(engine.eval_query_as_json("data.probe.out"))
    return list(result["result"][0]["expressions"][0]["value"])


@pytest.mark.parametrize(("n", "months"), [(5, False), (10, False), (15, False), (1, True)])
def test_the_generator_and_the_policies_agree_on_every_last_day_of_the_term(n: int, months: bool) -> None:
    from datetime import timedelta

    from checker.generate.kinds.acceptance import period_last_day

    start = date(2025, 9, 3)
    days = [start + timedelta(days=k) for k in range(365)]
    expected = [period_last_day(d, months=n) if months else period_last_day(d, days=n) for d in days]
    got = _rego_last_days([d.isoformat() for d in days], n, months)
    assert got == [d.isoformat() for d in expected]
    # and the holiday rule moved some of them: a plain date arithmetic would differ
    plain = [(d + timedelta(days=n)).isoformat() for d in days] if not months else None
    if plain is not None:
        assert sum(a != b for a, b in zip(got, plain, strict=True)) > 50


def test_national_day_2026_moves_the_13_3_switch_over_end_to_10_08() -> None:
    from checker.generate.kinds.acceptance import period_last_day

    assert period_last_day(date(2026, 9, 2), months=1) == date(2026, 10, 8)
    assert _rego_last_days(["2026-09-02"], 1, True) == ["2026-10-08"]
