"""The schema-field check (issue 12 "Ledger"): every `input.evidence` field a policy reads
is defined by that kind's schema; a policy reading another field is refused at load."""

from __future__ import annotations

import pytest

from checker import policies, schema_fields
from checker.errors import ConfigError
from checker.policies import PolicyFile
from checker.schema_fields import Finding


def _lib() -> list[PolicyFile]:
    return [p.file for p in policies.discover() if p.file.path.startswith("lib/") and not p.is_test]


def test_every_policy_reads_only_fields_its_kind_defines() -> None:
    found = schema_fields.findings(policies.policy_files())
    known = schema_fields.known_gaps()
    unknown = [str(f) for f in found if f not in known]
    assert not unknown, "policies read evidence fields no schema defines:\n" + "\n".join(unknown)


def test_every_known_gap_is_still_real() -> None:
    # an entry whose finding is gone (fixed after a merge) must leave the list
    found = set(schema_fields.findings(policies.policy_files()))
    stale = [str(k) for k in schema_fields.known_gaps() if k not in found]
    assert not stale, "remove from policies/known_schema_gaps.yaml: " + "; ".join(stale)
    assert all(issue for issue in schema_fields.known_gaps().values()), "each known gap cites its issue"


def test_the_analysis_sees_the_reads_of_every_clause_policy() -> None:
    seen = {r.file for r in schema_fields.reads(policies.policy_files())}
    clause_files = {p.file.path for p in policies.discover() if not p.is_test and p.clause}
    assert clause_files - seen == set()


SOURCES = {
    "direct": 'deny contains x if { some f in input.evidence.payments; x := f.data.payments[0].paid_at }',
    "through lib.files": 'deny contains x if { some f in lib.files("payments"); some p in f.data.payments; x := p.due_by }',
    "through evidence.records and present": 'deny contains x if { some e in evidence.records("payments", "payments"); x := evidence.present(e.r, "paid_at") }',
    "through object.get": 'deny contains x if { some e in evidence.records("payments", "payments"); x := object.get(e.r, "paid_at", null) }',
    "through a rule and a function": '_p := {e | some e in evidence.records("payments", "payments")}\n_f(r) := r.paid_at\ndeny contains x if { some e in _p; x := _f(e.r) }',
    "nested in an object": 'rows contains {"pay": e.r} if { some e in evidence.records("payments", "payments") }\ndeny contains x if { some w in rows; x := w.pay.paid_at }',
}


@pytest.mark.parametrize("name", list(SOURCES))
def test_fail_a_field_the_schema_lacks_is_found(name: str) -> None:
    src = "package contract.probe\n\nimport data.contract.lib\nimport data.contract.lib.evidence\n\n" + SOURCES[name] + "\n"
    found = schema_fields.findings([*_lib(), PolicyFile("probe/probe.rego", src)])
    probe = {f for f in found if f.file == "probe/probe.rego"}
    assert len(probe) == 1, probe
    (f,) = probe
    assert f.kind == "payments" and f.field.startswith("payments[].") and f.field.split(".")[-1] in {"paid_at", "due_by"}


def test_success_defined_fields_through_refs_and_combinators() -> None:
    # paid_on is a $ref to common's date; deductions[].amount_cny is under items -> properties
    src = (
        "package contract.probe\n\nimport data.contract.lib.evidence\n\n"
        'deny contains x if { some e in evidence.records("payments", "payments"); x := e.r.paid_on }\n'
        'deny contains x if { some e in evidence.records("acceptance", "rounds"); x := e.r.held_on }\n'
    )
    found = schema_fields.findings([*_lib(), PolicyFile("probe/probe.rego", src)])
    assert not [f for f in found if f.file == "probe/probe.rego"]


def test_fail_an_unknown_kind_is_found() -> None:
    src = "package contract.probe\n\ndeny contains x if { some f in input.evidence.paymentz; x := f }\n"
    found = schema_fields.findings([PolicyFile("probe/probe.rego", src)])
    assert found == [Finding("probe/probe.rego", "paymentz", "(no schema of this kind)")]


def test_fail_the_check_refuses_the_policy_set_naming_file_field_and_kind(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    src = 'package contract.probe\n\nimport data.contract.lib\n\ndeny contains x if { some f in lib.files("restart_records"); some r in f.data.restarts; x := r.requested_at }\n'
    with pytest.raises(ConfigError, match=r"probe/probe\.rego reads restart_records\.restarts\[\]\.requested_at"):
        schema_fields.check([*_lib(), PolicyFile("probe/probe.rego", src)])


def test_success_a_clean_policy_set_is_remembered(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    schema_fields.check(policies.policy_files())
    assert len(list((tmp_path / "cloudpact").glob("schema-fields-*.clean"))) == 1
