package contract.duties.third_party_assist_test

import data.contract.duties.third_party_assist as policy

params(days) := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"third_party_assist_days": days}}

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

by(org, at) := {"ref": "REQ-L", "organisation_role": org, "role": "project lead", "signed_at": at, "signature": {"method": "seal", "reference": "letters/REQ-L.pdf", "sha256": sig}}

req(id, at, due, started) := {
	"request_id": id, "provider": {"provider_id": "TP-APP-S3", "designated_ref": "DES-1"},
	"defect": {"type": "vulnerability", "system_id": "S3", "summary": "SQL injection in the vendor's portal"},
	"requested_at": at, "request": by("party_a", at), "due_on": due,
	"assistance": assist(started),
}

assist(null) := null

assist(t) := {"started_at": t, "ended_at": null, "actions": "log extraction and patch window"} if t != null

ev(as_of, rs) := {"third_party_assist": [{"path": "tpa.json", "data": {"kind": "third_party_assist", "as_of": as_of, "requests": rs}}]}

test_success_not_applicable_without_requests if {
	policy.not_applicable with input.evidence as ev("2026-11-01T00:00:00+08:00", []) with data.params as params(null)
}

test_success_assisted_on_the_due_day if {
	e := ev("2026-11-01T00:00:00+08:00", [req("R1", "2026-03-02T10:00:00+08:00", "2026-03-05", "2026-03-05T23:59:59+08:00")])
	count(policy.deny) == 0 with input.evidence as e with data.params as params(null)
	policy.measure == {"requests": 1, "assisted": 1, "unverified_requests": []} with input.evidence as e with data.params as params(null)
}

test_fail_assisted_one_day_after_the_due_day if {
	e := ev("2026-11-01T00:00:00+08:00", [req("R1", "2026-03-02T10:00:00+08:00", "2026-03-05", "2026-03-06T00:00:00+08:00")])
	policy.deny == {{"msg": "request R1 of Party A: assistance started on 2026-03-06, after the due day 2026-03-05 [9.14]", "evidence": "tpa.json#/requests/0", "due": "2026-03-05"}} with input.evidence as e with data.params as params(null)
}

test_success_parameter_days_boundary if {
	# no due date in the request: 3 days after the request day (param), day 3 passes
	e := ev("2026-11-01T00:00:00+08:00", [req("R1", "2026-03-02T10:00:00+08:00", null, "2026-03-05T09:00:00+08:00")])
	count(policy.deny) == 0 with input.evidence as e with data.params as params(3)
}

test_fail_parameter_days_one_over if {
	e := ev("2026-11-01T00:00:00+08:00", [req("R1", "2026-03-02T10:00:00+08:00", null, "2026-03-06T09:00:00+08:00")])
	count(policy.deny) == 1 with input.evidence as e with data.params as params(3)
}

test_success_open_request_pending_before_the_due_day if {
	e := ev("2026-03-05T12:00:00+08:00", [req("R1", "2026-03-02T10:00:00+08:00", "2026-03-05", null)])
	count(policy.deny) == 0 with input.evidence as e with data.params as params(null)
}

test_fail_never_assisted if {
	# no due date, no parameter: due by the period's last day
	e := ev("2026-09-03T00:00:00+08:00", [req("R1", "2026-03-02T10:00:00+08:00", null, null)])
	policy.deny == {{"msg": "request R1 of Party A (vulnerability, TP-APP-S3 on S3) has no assistance record, due 2026-09-02 [9.14]", "evidence": "tpa.json#/requests/0"}} with input.evidence as e with data.params as params(null)
}

test_success_still_open_on_the_last_day if {
	e := ev("2026-09-02T23:00:00+08:00", [req("R1", "2026-03-02T10:00:00+08:00", null, null)])
	count(policy.deny) == 0 with input.evidence as e with data.params as params(null)
}

test_fail_assistance_dated_before_the_request if {
	e := ev("2026-11-01T00:00:00+08:00", [req("R1", "2026-03-02T10:00:00+08:00", null, "2026-03-02T09:59:59+08:00")])
	policy.deny == {{"msg": "request R1 of Party A made at 2026-03-02T10:00:00+08:00: the assistance record starts earlier, at 2026-03-02T09:59:59+08:00, so it does not answer this request [9.14]", "evidence": "tpa.json#/requests/0"}} with input.evidence as e with data.params as params(null)
}

test_success_unsigned_request_is_not_counted if {
	r := object.union(req("R1", "2026-03-02T10:00:00+08:00", null, null), {"request": by("party_b", "2026-03-02T10:00:00+08:00")})
	e := ev("2026-11-01T00:00:00+08:00", [r])
	policy.not_applicable with input.evidence as e with data.params as params(null)
	policy.measure.unverified_requests == ["R1"] with input.evidence as e with data.params as params(null)
}
