"""Every liability row of OBLIGATIONS.md fires from valid evidence (issue 12).

Each test builds the smallest evidence input that triggers one row, validates every
document against its kind's JSON Schema, evaluates `contract.liability` with the real
contract parameters and China's official calendar, prices it with checker/liability.py and
asserts the amount to the fen. (The downtime rows A2.1/A3.1, A3.2, A3.5, A3.6 and A3.4 are
another module's: tests/test_liability.py.)

Amounts worked out by hand: fee of S1 = 540,057.14, 12 service months,
540,057.14 / 12 = 45,004.761666...
  x  20% =   9,000.952333 ->   9,000.95      x  30% = 13,501.428500 -> 13,501.43
  x  50% =  22,502.380833 ->  22,502.38      x 100% = 45,004.761666 -> 45,004.76
  x 200% =  90,009.523333 ->  90,009.52      x 600% = 270,028.570000 -> 270,028.57
12.5: 3,780,400.00 x 0.1% = 3,780.40 a day; 15.11: x 20% = 756,080.00; 12.6: x 0.01% = 378.04.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from checker import policies
from checker.catalogue import load_params
from checker.check import policy_data
from checker.engine.embedded import EmbeddedEngine
from checker.engine.interface import input_document
from checker.liability import LIABILITY_PACKAGE, ledger_from_outcome
from checker.schemas import first_error, kind_validator

PARAMS = load_params()
AS_OF = "2026-09-03T00:00:00+08:00"
DAY = "3780.40"


@pytest.fixture(scope="module")
def engine() -> Iterator[EmbeddedEngine]:
    e = EmbeddedEngine()
    e.load(policies.policy_files(), policy_data(PARAMS))
    yield e


def ledger(engine: EmbeddedEngine, **docs: dict[str, Any]) -> dict[str, Any]:
    evidence = {}
    for kind, doc in docs.items():
        doc = {"kind": kind, **doc}
        error = first_error(kind_validator(kind), doc)
        assert error is None, f"{kind}: {error}"
        evidence[kind] = [{"path": f"{kind}.json", "data": doc}]
    doc = {"bundle": {}, "evidence": evidence}
    out = engine.evaluate(doc, [LIABILITY_PACKAGE])[LIABILITY_PACKAGE]
    assert out.error is None, out.error
    result = ledger_from_outcome(out, PARAMS).to_dict()
    assert "problems" not in result, result["problems"]
    return result


def chosen(result: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {e["event"]: (e["chosen"], e["amount"]) for e in result["events"]}


def ts(day: str, minutes: int = 0) -> str:
    t = datetime.fromisoformat(f"{day}T10:00:00+08:00") + timedelta(minutes=minutes)
    return t.isoformat()


def incident(iid: str, category: str, at: str, minutes: int | None, systems: list[str],
             **extra: Any) -> dict[str, Any]:
    return {
        "incident_id": iid, "category": category, "occurred_at": at,
        "ended_at": None if minutes is None else
        (datetime.fromisoformat(at) + timedelta(minutes=minutes)).isoformat(),
        "system_ids": systems, "provider_responsible": True, "force_majeure": False,
        "major_impact": False, **extra,
    }


def incidents(*rows: dict[str, Any]) -> dict[str, Any]:
    return {"as_of": AS_OF, "incidents": list(rows)}


def levels(result: dict[str, Any]) -> dict[str, tuple[str, list[str]]]:
    return {lv["incident_id"]: (lv["level"], lv["rows"]) for lv in result["incident_levels"]}


def rights(result: dict[str, Any]) -> list[str]:
    return [t["row"] for t in result["termination_rights"]]


# ---- Annex 1 and the termination rights 12.1, 12.2 -----------------------------------
@pytest.mark.parametrize(("minutes", "graded"), [(119, False), (120, True), (121, True)])
def test_a1_1_interruption_of_2_hours_or_more_over_30_percent(engine: EmbeddedEngine,
                                                                minutes: int, graded: bool) -> None:
    # 3 of 7 systems = 42.9 % > 30 %; 2小时以上 includes 120 min
    r = ledger(engine, incidents=incidents(
        incident("I", "service_interruption", ts("2025-10-10"), minutes, ["S1", "S2", "S3"])))
    assert levels(r) == ({"I": ("A", ["A1.1", "A1.5"])} if graded else {})
    assert rights(r) == (["12.1"] if graded else [])
    assert r["total"] == "0.00"  # Annex 1 grades; it fines nothing by itself


@pytest.mark.parametrize(("minutes", "graded"), [(119, False), (120, True)])
def test_a1_5_interruption_of_one_system_is_b(engine: EmbeddedEngine, minutes: int,
                                              graded: bool) -> None:
    r = ledger(engine, incidents=incidents(
        incident("I", "service_interruption", ts("2025-10-10"), minutes, ["S1"])))
    assert levels(r) == ({"I": ("B", ["A1.5"])} if graded else {})
    assert r["total"] == "0.00"


def test_a1_2_and_a1_6_tampering_not_handled_per_plan(engine: EmbeddedEngine) -> None:
    base = {"handled_per_plan": False}
    r = ledger(engine, incidents=incidents(
        incident("N", "tampering", ts("2025-10-10"), 30, ["S1"], during_major_event=True,
                 publicity="national", **base),
        incident("M", "tampering", ts("2025-10-11"), 30, ["S1"], publicity="municipal", **base),
        incident("U", "tampering", ts("2025-10-12"), 29, ["S1"], publicity="national",
                 during_major_event=True, **base)))
    assert levels(r) == {"N": ("A", ["A1.2", "A1.6"]), "M": ("B", ["A1.6"])}
    assert r["total"] == "0.00"


def test_a1_3_and_a1_7_core_data_lost(engine: EmbeddedEngine) -> None:
    def loss(n: int) -> dict[str, Any]:
        return {"systems_lost": n, "months_lost": 2, "recoverable": False, "core_data": True}
    r = ledger(engine, incidents=incidents(
        incident("A", "data_loss", ts("2025-10-10"), None, ["S1", "S2", "S3", "S4"], data_loss=loss(4)),
        incident("B", "data_loss", ts("2025-10-11"), None, ["S1"], data_loss=loss(1)),
        incident("C", "data_loss", ts("2025-10-12"), None, ["S1", "S2", "S3"], data_loss=loss(3))))
    assert levels(r) == {"A": ("A", ["A1.3", "A1.7"]), "B": ("B", ["A1.7"]), "C": ("B", ["A1.7"])}


def test_a1_4_and_a1_8_intrusion_not_handled_within_24_hours(engine: EmbeddedEngine) -> None:
    def intr(hours: int) -> dict[str, Any]:
        at = datetime.fromisoformat(ts("2025-10-10"))
        return {"notified_at": at.isoformat(), "handled_at": (at + timedelta(hours=hours)).isoformat(),
                "outcome": "leak"}
    r = ledger(engine, incidents=incidents(
        incident("M", "intrusion", ts("2025-10-10"), 10, ["S1"], intrusion=intr(25), during_major_event=True),
        incident("P", "intrusion", ts("2025-10-10"), 10, ["S1"], intrusion=intr(25)),
        incident("OK", "intrusion", ts("2025-10-10"), 10, ["S1"], intrusion=intr(24))))
    assert levels(r) == {"M": ("A", ["A1.4", "A1.8"]), "P": ("B", ["A1.8"])}


def test_12_2_three_b_level_events_within_a_year(engine: EmbeddedEngine) -> None:
    r = ledger(engine, incidents=incidents(*(
        incident(f"B{n}", "service_interruption", ts(day), 120, ["S1"])
        for n, day in enumerate(["2025-10-10", "2026-01-10", "2026-08-10"]))))
    assert rights(r) == ["12.2"]
    assert r["termination_rights"][0]["incident_ids"] == ["B0", "B1", "B2"]


def _claim(claim_id: str, notice_at: str, proof_on: str) -> dict[str, Any]:
    return {"claim_id": claim_id, "claimed_by_role": "party_b",
            "event": {"type": "flood", "occurred_at": ts("2025-10-10"), "description": "flood"},
            "notice": {"delivered_at": notice_at, "to_role": "party_a", "form": "letter",
                       "reference": f"N-{claim_id}"},
            "proof": {"issuer_kind": "notary", "issuer_role": "notary office", "issued_on": proof_on,
                      "delivered_at": f"{proof_on}T10:00:00+08:00", "reference": f"P-{claim_id}"},
            "incident_ids": [], "outage_ids": []}


def test_force_majeure_flag_without_notice_and_proof_excuses_nothing(engine: EmbeddedEngine) -> None:
    # 14.3 through policies/lib/excuse.rego: a flag excuses only with a claim whose written
    # notice came at once and whose proof came within 15 天 (2025-10-25, a Saturday: moved to
    # Monday 10-27); a proof on 10-28 is late
    fm = {"as_of": AS_OF, "claims": [_claim("FM-OK", ts("2025-10-10", 60), "2025-10-27"),
                                     _claim("FM-LATE", ts("2025-10-10", 60), "2025-10-28")]}
    r = ledger(engine, force_majeure=fm, incidents=incidents(
        incident("F", "service_interruption", ts("2025-10-10"), 180, ["S1"], force_majeure=True),
        incident("L", "service_interruption", ts("2025-10-10"), 180, ["S1"], force_majeure=True,
                 force_majeure_id="FM-LATE"),
        incident("P", "service_interruption", ts("2025-10-10"), 180, ["S1"], force_majeure=True,
                 force_majeure_id="FM-OK")))
    assert levels(r) == {"F": ("B", ["A1.5"]), "L": ("B", ["A1.5"])}


# ---- Annex 2 / Annex 3 rows from incidents ---------------------------------------------
@pytest.mark.parametrize(("category", "row"), [("tampering", "A2.3"), ("data_loss", "A2.4"), ("intrusion", "A2.5")])
def test_a2_3_to_a2_5_security_service_failure_with_major_impact(engine: EmbeddedEngine,
                                                                   category: str, row: str) -> None:
    r = ledger(engine, incidents=incidents(incident("I", category, ts("2025-10-10"), 10, ["S1"],
                                                    security_service_failure=True, major_impact=True)))
    assert chosen(r) == {"I": (row, "270028.57")}


def test_a2_2_backup_dependency_only_below_level_b(engine: EmbeddedEngine) -> None:
    r = ledger(engine, incidents=incidents(
        incident("X", "backup_dependency", ts("2025-10-10"), 119, ["S1"]),
        incident("Y", "backup_dependency", ts("2025-10-11"), 120, ["S1"])))
    assert chosen(r) == {"X": ("A2.2", "90009.52")}
    assert levels(r) == {"Y": ("B", ["A1.5"])}  # level B: Annex 2 row 2 no longer applies


def test_15_11_confidentiality_breach(engine: EmbeddedEngine) -> None:
    r = ledger(engine, incidents=incidents(incident("C", "confidentiality_breach", ts("2025-10-10"), 0, [])))
    assert chosen(r) == {"C": ("15.11", "756080.00")}
    assert rights(r) == ["15.11"]


# ---- tickets: Annex 2 rows 7-12, Annex 3 rows 8-13 ---------------------------------------
def ticket(tid: str, response: int, recovery: int, onsite: int | None = None) -> dict[str, Any]:
    t = {"ticket_id": tid, "system_id": "S1", "reported_at": ts("2025-10-10"),
         "responded_at": ts("2025-10-10", response), "resolved_at": ts("2025-10-10", recovery),
         "onsite_required": onsite is not None}
    if onsite is not None:
        t["onsite_arrived_at"] = ts("2025-10-10", onsite)
    return t


def tickets(engine: EmbeddedEngine, t: dict[str, Any], major: bool) -> dict[str, tuple[str, str]]:
    from checker.schemas import kind_schema
    required = kind_schema("tickets")["properties"]["tickets"]["items"].get("required", [])
    full = {**{k: None for k in required}, **t}
    docs: dict[str, Any] = {"tickets": {"as_of": AS_OF, "tickets": [full]}}
    if major:
        docs["incidents"] = incidents(incident("M", "service_interruption", ts("2025-10-10"), 10, ["S1"],
                                               major_impact=True, ticket_ids=[t["ticket_id"]]))
    return chosen(ledger(engine, **docs))


@pytest.mark.parametrize(("response", "major", "row", "amount"), [
    (20, False, "A3.8", "13501.43"), (20, True, "A2.7", "90009.52"),
    (45, False, "A3.9", "22502.38"), (45, True, "A2.8", "90009.52"),
])
def test_mean_response_bands(engine: EmbeddedEngine, response: int, major: bool, row: str, amount: str) -> None:
    got = tickets(engine, ticket("T1", response, 30 if response < 30 else response), major)
    key = next(k for k in got if "response" in k or k.startswith("M"))
    assert got[key] == (row, amount)


@pytest.mark.parametrize(("recovery", "major", "row", "amount"), [
    (45, False, "A3.10", "13501.43"), (45, True, "A2.9", "45004.76"),
    (90, False, "A3.11", "22502.38"), (90, True, "A2.10", "90009.52"),
])
def test_mean_recovery_bands(engine: EmbeddedEngine, recovery: int, major: bool, row: str, amount: str) -> None:
    got = tickets(engine, ticket("T1", 5, recovery), major)
    key = next(k for k in got if "recovery" in k or k.startswith("M"))
    assert got[key] == (row, amount)


@pytest.mark.parametrize(("wait", "major", "row", "amount"), [
    (90, False, "A3.12", "13501.43"), (90, True, "A2.11", "45004.76"),
    (150, False, "A3.13", "22502.38"), (150, True, "A2.12", "90009.52"),
])
def test_unattended_bands(engine: EmbeddedEngine, wait: int, major: bool, row: str, amount: str) -> None:
    got = tickets(engine, ticket("T1", 5, 20, onsite=wait), major)
    key = next(k for k in got if "unattended" in k or k.startswith("M"))
    assert got[key] == (row, amount)


# ---- rectification notices: A2.6 / A3.7, A3.3, 12.4, 12.5 --------------------------------
def notice(nid: str, by: str, issued: str, due: str, done: str | None, *, ground: str = "other",
           incidents_: list[str] | None = None, proper: bool | None = None) -> dict[str, Any]:
    return {"notice_id": nid, "issued_by_role": by, "issued_at": issued, "subject": "s",
            "system_ids": ["S1"], "due_at": due, "done_at": done, "handled_properly": proper,
            "incident_ids": incidents_ or [], "ground": ground}


def notices(*rows: dict[str, Any]) -> dict[str, Any]:
    return {"as_of": AS_OF, "notices": list(rows)}


@pytest.mark.parametrize(("major", "row", "amount"), [(False, "A3.7", "22502.38"), (True, "A2.6", "90009.52")])
def test_a2_6_a3_7_supervision_notice_mishandled_then_a_problem(engine: EmbeddedEngine, major: bool,
                                                                 row: str, amount: str) -> None:
    r = ledger(engine,
               rectification_notices=notices(notice("N", "supervision_provider", ts("2025-11-01"),
                                                    ts("2025-11-10"), ts("2025-11-10"), incidents_=["I"],
                                                    proper=False)),
               incidents=incidents(incident("I", "service_interruption", ts("2025-11-20"), 10, ["S1"],
                                            major_impact=major)))
    assert chosen(r) == {"rectification:N": (row, amount)}


def test_party_a_notice_is_not_annex_2_row_6(engine: EmbeddedEngine) -> None:
    r = ledger(engine,
               rectification_notices=notices(notice("N", "party_a", ts("2025-11-01"), ts("2025-11-10"),
                                                    ts("2025-11-10"), incidents_=["I"], proper=False)),
               incidents=incidents(incident("I", "service_interruption", ts("2025-11-20"), 10, ["S1"])))
    assert chosen(r) == {}


def test_12_5_rectification_done_late(engine: EmbeddedEngine) -> None:
    # due 11-10 10:00, done 11-13 09:00: 2 d 23 h -> 3 days
    r = ledger(engine, rectification_notices=notices(
        notice("N", "party_a", ts("2025-11-01"), ts("2025-11-10"), ts("2025-11-13", -60))))
    assert chosen(r) == {"rectification:N": ("12.5", "11341.20")}


def test_a3_3_three_failed_assessments_then_a_missed_deadline(engine: EmbeddedEngine) -> None:
    months = ["2025-09", "2025-10", "2025-11"]
    r = ledger(engine,
               monthly_assessments={"as_of": AS_OF, "assessments": [
                   {"month": m, "system_ids": ["S1"], "passed": False, "assessed_by_role": "party_a",
                    "assessed_on": "2025-12-05"} for m in months]},
               rectification_notices=notices(notice("D", "party_a", ts("2025-12-05"), ts("2025-12-20"),
                                                    ts("2025-12-20"), ground="A3.3", proper=False)))
    assert chosen(r) == {"rectification:D": ("A3.3", "9000.95")}


def test_12_4_1_repeated_mishandled_notices_then_a_b_event(engine: EmbeddedEngine) -> None:
    r = ledger(engine,
               rectification_notices=notices(
                   notice("N1", "supervision_provider", ts("2025-11-01"), ts("2025-11-05"), ts("2025-11-05"),
                          proper=False),
                   notice("N2", "supervision_provider", ts("2025-11-02"), ts("2025-11-05"), ts("2025-11-05"),
                          incidents_=["B"], proper=False),
                   notice("D", "party_a", ts("2025-12-05"), ts("2025-12-20"), ts("2025-12-20"),
                          ground="12.4.1", proper=False)),
               incidents=incidents(incident("B", "service_interruption", ts("2025-12-01"), 120, ["S1"])))
    assert "12.4.1" in rights(r)
    # B's level-B event under A3.7 (50%), the 12.4.1 right opens with no amount of its own
    assert chosen(r) == {"rectification:N2": ("A3.7", "22502.38")}


def test_12_4_2_key_staff_absent_during_a_major_event(engine: EmbeddedEngine) -> None:
    r = ledger(engine,
               major_events={"events": [{"event_id": "E", "title": "t", "start": ts("2025-10-01"),
                                         "end": ts("2025-10-08"),
                                         "declared_by": {"organisation_role": "party_a", "role": "r"},
                                         "declared_at": ts("2025-09-20"), "reference": "x"}]},
               ops_staffing={"as_of": AS_OF, "monthly_counts": [], "key_staff_attendance": [
                   {"event_id": "E", "staff_id": "K1", "role": "management", "promised": True, "present": False}]},
               rectification_notices=notices(notice("D", "party_a", ts("2025-10-09"), ts("2025-10-20"), None,
                                                    ground="12.4.2")))
    assert rights(r) == ["12.4.2"]


@pytest.mark.parametrize(("staff", "opens"), [(5, True), (6, False)])
def test_12_4_3_promised_ops_staff_not_met_two_months_running(engine: EmbeddedEngine, staff: int,
                                                              opens: bool) -> None:
    r = ledger(engine,
               ops_staffing={"as_of": AS_OF, "key_staff_attendance": [], "monthly_counts": [
                   {"month": m, "ops_staff": staff, "confirmed_by_role": "party_a"} for m in ("2025-10", "2025-11")]},
               rectification_notices=notices(notice("D", "party_a", ts("2025-12-05"), ts("2025-12-20"), None,
                                                    ground="12.4.3")))
    assert ("12.4.3" in rights(r)) is opens


# ---- 12.5: other late obligations -------------------------------------------------------
def test_12_5_late_monthly_report_and_plan(engine: EmbeddedEngine) -> None:
    # plan due 2025-09-03, delivered 09-05: 2 days; report of 2025-09 due 10-10, delivered 10-13: 3 days
    r = ledger(engine, deliverables={
        "as_of": "2025-10-31T00:00:00+08:00", "special_events": [], "special_reports": [], "summary_report": None,
        "implementation_plan": {"doc_id": "P", "title": "plan", "delivered_at": ts("2025-09-05")},
        "monthly_reports": [{"doc_id": "M", "title": "m", "month": "2025-09", "delivered_at": ts("2025-10-13", -60)}]})
    assert chosen(r) == {"late:6.3.1": ("12.5", "7560.80"), "late:6.3.2:2025-09": ("12.5", "11341.20")}


@pytest.mark.parametrize(("again", "amount"), [("2026-09-28", None), ("2026-09-30", "7560.80")])
def test_12_5_failed_acceptance_fixed_late(engine: EmbeddedEngine, again: str, amount: str | None) -> None:
    # failed 2026-09-10; 15 日 end 09-25, the Mid-Autumn Festival (法定休假日) -> Mon 09-28;
    # re-applied 09-28: on time; 09-30: 2 days late
    r = ledger(engine, acceptance={"as_of": "2026-11-01T00:00:00+08:00", "rounds": [
        {"round": 1, "submitted_at": ts("2026-09-04"), "held_on": "2026-09-10", "result": "fail"},
        {"round": 2, "submitted_at": ts(again), "held_on": "2026-10-12", "result": "pass"}]})
    assert chosen(r) == ({"late:6.2:1": ("12.5", amount)} if amount else {})


def test_12_5_return_of_confidential_material_holiday_rule(engine: EmbeddedEngine) -> None:
    # received 2025-09-28; 5 日 end 10-03, National Day holiday -> 10-09; returned 10-10: 1 day
    r = ledger(engine, confidentiality={"as_of": AS_OF, "staff": [], "return_requests": [
        {"request_id": "R1", "received_at": ts("2025-09-28"), "written": True, "material": "m",
         "returned_at": ts("2025-10-10"), "receipt_ref": "x"},
        {"request_id": "R2", "received_at": ts("2025-09-28"), "written": True, "material": "m",
         "returned_at": ts("2025-10-09"), "receipt_ref": "x"}]})
    assert chosen(r) == {"late:15.5:R1": ("12.5", DAY)}


def test_12_5_scale_out_late(engine: EmbeddedEngine) -> None:
    # requested 11-03, 7 natural days -> 11-10; done 11-12: 2 days
    r = ledger(engine, scale_out={"as_of": AS_OF, "requests": [
        {"request_id": "Q", "system_id": "S1", "requested_at": ts("2025-11-03"), "completed_at": ts("2025-11-12")}]})
    assert chosen(r) == {"scale_out:Q": ("12.5", "7560.80")}


# ---- 12.6: Party A's late payment -------------------------------------------------------
def payments(invoice_on: str, paid_on: str) -> dict[str, Any]:
    return {
        "as_of": "2025-12-01T00:00:00+08:00",
        "contract_signing": {"signatures": [{"party": p, "signed_on": "2025-09-03", "sealed": True}
                                            for p in ("party_a", "party_b")]},
        "invoices": [{"invoice_id": "I1", "instalment": "7.2.1", "issued_on": invoice_on,
                      "amount_cny": "2268240.00", "meets_requirements": True}],
        "payments": [{"payment_id": "P1", "instalment": "7.2.1", "paid_on": paid_on,
                      "amount_cny": "2268240.00", "invoice_id": "I1"}],
    }


@pytest.mark.parametrize(("invoice_on", "paid_on", "amount"), [
    ("2025-09-10", "2025-09-30", None),        # the 20th working day after 09-03 (Sun 09-28 is a working day)
    ("2025-09-10", "2025-10-09", "378.04"),    # after the National Day holiday: late; 万分之一, once
    ("2025-10-09", "2025-10-09", None),        # no compliant invoice before: not late (7.2(3))
])
def test_12_6_party_a_late_payment(engine: EmbeddedEngine, invoice_on: str, paid_on: str,
                                   amount: str | None) -> None:
    r = ledger(engine, payments=payments(invoice_on, paid_on))
    got = {e["event"]: (e["chosen"], e["amount"]) for e in r["party_a"]["events"]}
    assert got == ({"late_payment:7.2.1": ("12.6", amount)} if amount else {})
    assert r["total"] == "0.00"  # owed to Party B, never netted into B's total


def test_12_6_per_day_is_a_parameter(engine: EmbeddedEngine) -> None:
    # paid 10-09, due 09-30: 9 days x 378.04 = 3,402.36 when liability.party_a_late_per_day
    params = {**PARAMS, "liability": {**PARAMS["liability"], "party_a_late_per_day": True}}
    e = EmbeddedEngine()
    e.load(policies.policy_files(), policy_data(params))
    doc = {"bundle": {}, "evidence": {"payments": [{"path": "p.json", "data": {
        "kind": "payments", **payments("2025-09-10", "2025-10-09")}}]}}
    out = e.evaluate(doc, [LIABILITY_PACKAGE])[LIABILITY_PACKAGE]
    r = ledger_from_outcome(out, params).to_dict()
    assert r["party_a"]["total"] == "3402.36"


# ---- one run: the ledger first, then the clauses that reconcile against it ---------------
class RecordingEngine(EmbeddedEngine):
    """A real embedded engine that remembers what each evaluate() was given (check.py hands
    the input over as JSON bytes; recorded as the document they are)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[dict[str, Any], list[str]]] = []

    def evaluate(self, input_doc, packages, costs=None):  # type: ignore[no-untyped-def]
        self.calls.append((dict(input_document(input_doc)), list(packages)))
        return super().evaluate(input_doc, packages, costs)


def test_final_instalment_is_reconciled_against_the_ledger_of_the_same_run() -> None:
    from checker import paths
    from checker.bundle import load_bundle
    from checker.check import evaluate
    from checker.store.local import LocalStore

    engine = RecordingEngine()
    results, ledger_ = evaluate(load_bundle(LocalStore(paths.EXAMPLES / "breaches")), engine=engine)
    (first, pkgs1), (second, pkgs2) = engine.calls
    assert LIABILITY_PACKAGE in pkgs1 and "contract.payments.final_instalment" not in pkgs1
    assert pkgs2 == ["contract.payments.final_instalment"]
    assert second["liability"] == {"deductible_total_cny": str(ledger_.deductible),
                                   "total_cny": str(ledger_.total)}
    assert str(ledger_.deductible) == "1512160.00"
    assert set(second["evidence"]) <= {"payments", "acceptance", "fiscal_delays"}
    final = next(r for r in results if r.clause.id == "7.2.2")
    # 12,345.67 deducted is within the ledger (A may deduct less); the planted breach is
    # paid + deducted > 40 %, not a ledger mismatch
    assert [v.message for v in final.violations] == [
        "final instalment: paid 1512160.00 + deducted 12345.67 = 1524505.67, "
        "the instalment is 1512160.00 [7.2.2]"
    ]
