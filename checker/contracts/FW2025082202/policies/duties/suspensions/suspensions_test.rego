package contract.duties.suspensions_test

import data.contract.duties.suspensions as policy

params(days, resume) := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"suspension_notice_days": days, "suspension_resume_max_minutes": resume}}

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

receipt(org, at) := {"ref": "RCPT-N1", "organisation_role": org, "role": "ops officer", "signed_at": at, "signature": {"method": "seal", "reference": "letters/RCPT-N1.pdf", "sha256": sig}}

notice(sent, rcpt) := {"ref": "N1", "written": true, "to_role": "party_a", "sent_at": sent, "receipt": rcpt}

susp(at, n, handled, resumed) := {
	"suspension_id": "SUS-1", "system_id": "S2",
	"event": {"event_ref": "INC-7", "summary": "S2 host mining cryptocurrency, saturating the shared uplink"},
	"suspended_at": at, "notice": n, "handled_at": handled, "resumed_at": resumed,
}

ev(ss) := {"suspensions": [{"path": "sus.json", "data": {"kind": "suspensions", "as_of": "2026-10-01T00:00:00+08:00", "suspensions": ss}}]}

ok := susp("2026-04-10T22:00:00+08:00", notice("2026-04-10T23:59:59+08:00", receipt("party_a", "2026-04-11T08:30:00+08:00")), "2026-04-11T10:00:00+08:00", "2026-04-11T10:30:00+08:00")

test_success_not_applicable_without_suspensions if {
	policy.not_applicable with input.evidence as ev([]) with data.params as params(0, null)
}

test_success_notice_on_the_same_day_received_and_resumed if {
	count(policy.deny) == 0 with input.evidence as ev([ok]) with data.params as params(0, null)
}

test_fail_notice_the_next_day if {
	s := json.patch(ok, [{"op": "replace", "path": "/notice/sent_at", "value": "2026-04-11T00:00:00+08:00"}])
	policy.deny == {{"msg": "suspension SUS-1 of S2 at 2026-04-10T22:00:00+08:00: notice N1 was sent on 2026-04-11, after 2026-04-10 [9.15]", "evidence": "sus.json#/suspensions/0"}} with input.evidence as ev([s]) with data.params as params(0, null)
}

test_success_notice_the_next_day_with_one_agreed_day if {
	s := json.patch(ok, [{"op": "replace", "path": "/notice/sent_at", "value": "2026-04-11T00:00:00+08:00"}])
	count(policy.deny) == 0 with input.evidence as ev([s]) with data.params as params(1, null)
}

test_fail_no_notice_phone_only_or_wrong_addressee if {
	none := json.patch(ok, [{"op": "replace", "path": "/notice", "value": null}])
	phone := json.patch(ok, [{"op": "replace", "path": "/notice/written", "value": false}, {"op": "replace", "path": "/suspension_id", "value": "SUS-2"}])
	policy.deny == {
		{"msg": "suspension SUS-1 of S2 at 2026-04-10T22:00:00+08:00: has no written notice to Party A [9.15]", "evidence": "sus.json#/suspensions/0"},
		{"msg": "suspension SUS-2 of S2 at 2026-04-10T22:00:00+08:00: notice N1 is not written [9.15]", "evidence": "sus.json#/suspensions/1"},
	} with input.evidence as ev([none, phone]) with data.params as params(0, null)
}

test_fail_receipt_not_signed_by_party_a if {
	s := json.patch(ok, [{"op": "replace", "path": "/notice/receipt/organisation_role", "value": "party_b"}])
	policy.deny == {{"msg": "suspension SUS-1 of S2 at 2026-04-10T22:00:00+08:00: notice N1 is not shown received by Party A: the receipt RCPT-N1 is signed by party_b, not party_a [9.15]", "evidence": "sus.json#/suspensions/0"}} with input.evidence as ev([s]) with data.params as params(0, null)
}

test_fail_handled_but_not_resumed if {
	s := json.patch(ok, [{"op": "replace", "path": "/resumed_at", "value": null}])
	policy.deny == {{"msg": "suspension SUS-1 of S2: the event was handled at 2026-04-11T10:00:00+08:00 but the service was not resumed [9.15]", "evidence": "sus.json#/suspensions/0"}} with input.evidence as ev([s]) with data.params as params(0, null)
}

test_success_still_being_handled if {
	s := json.patch(ok, [{"op": "replace", "path": "/resumed_at", "value": null}, {"op": "replace", "path": "/handled_at", "value": null}])
	count(policy.deny) == 0 with input.evidence as ev([s]) with data.params as params(0, null)
}

test_success_resumed_at_the_agreed_bound if {
	count(policy.deny) == 0 with input.evidence as ev([ok]) with data.params as params(0, 30)
}

test_fail_resumed_one_minute_over_the_agreed_bound if {
	policy.deny == {{"msg": "suspension SUS-1 of S2: resumed 30 minutes after the event was handled (limit 29) [9.15]", "evidence": "sus.json#/suspensions/0", "minutes": 30}} with input.evidence as ev([ok]) with data.params as params(0, 29)
}
