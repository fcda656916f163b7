package contract.sla.hazard_notice_test

import data.contract.sla.hazard_notice as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "sla": {"hazard_notify_minutes": 30}}

owner := {"organisation_role": "party_a", "role": "system owner"}

note(to, at) := {"to": to, "notified_at": at, "channel": "phone", "reference": "N-1"}

hz(id, found, notes, handled) := {"hazard_id": id, "scope": "hardware", "found_at": found, "responsible": owner, "notifications": notes, "handled_at": handled}

ev(hs) := {"hazard_notices": [{"path": "hz.json", "data": {"kind": "hazard_notices", "as_of": "2026-09-03T00:00:00+08:00", "hazards": hs}}]}

test_success_not_applicable_without_hazards if {
	policy.not_applicable with input.evidence as ev([]) with data.params as params
}

test_success_notified_at_the_limit_and_one_minute_under if {
	hs := [
		hz("H1", "2026-01-10T10:00:00+08:00", [note(owner, "2026-01-10T10:30:00+08:00")], "2026-01-10T12:00:00+08:00"),
		hz("H2", "2026-01-11T10:00:00+08:00", [note(owner, "2026-01-11T10:29:00+08:00")], "2026-01-11T11:00:00+08:00"),
	]
	count(policy.deny) == 0 with input.evidence as ev(hs) with data.params as params
	policy.measure.actual == 2 with input.evidence as ev(hs) with data.params as params
}

test_fail_notified_one_minute_over_the_limit if {
	hs := [hz("H1", "2026-01-10T10:00:00+08:00", [note(owner, "2026-01-10T10:31:00+08:00")], "2026-01-10T12:00:00+08:00")]
	policy.deny == {{"msg": "hazard H1 found 2026-01-10T10:00:00+08:00: party_a system owner notified 31 minutes later, at 2026-01-10T10:31:00+08:00 (limit 30 minutes) [3.6.b]", "evidence": "hz.json#/hazards/0", "hazard_id": "H1", "minutes": 31}} with input.evidence as ev(hs) with data.params as params
}

test_fail_only_another_role_told_and_not_handled if {
	other := {"organisation_role": "party_b", "role": "duty manager"}
	hs := [hz("H1", "2026-01-10T10:00:00+08:00", [note(other, "2026-01-10T10:01:00+08:00")], null)]
	policy.deny == {
		{"msg": "hazard H1 found 2026-01-10T10:00:00+08:00: the responsible role (party_a system owner) was never notified [3.6.b]", "evidence": "hz.json#/hazards/0/notifications", "hazard_id": "H1"},
		{"msg": "hazard H1 found 2026-01-10T10:00:00+08:00: no handling record (handled_at) [3.6.b]", "evidence": "hz.json#/hazards/0", "hazard_id": "H1"},
	} with input.evidence as ev(hs) with data.params as params
	policy.measure.actual == 0 with input.evidence as ev(hs) with data.params as params
}

test_fail_a_notice_dated_before_the_finding_does_not_count if {
	hs := [hz("H1", "2026-01-10T10:00:00+08:00", [note(owner, "2026-01-10T09:59:00+08:00")], "2026-01-10T12:00:00+08:00")]
	count(policy.deny) == 1 with input.evidence as ev(hs) with data.params as params
}

test_success_hazards_outside_the_period_are_not_read if {
	hs := [hz("H0", "2025-09-02T23:00:00+08:00", [], null)]
	policy.not_applicable with input.evidence as ev(hs) with data.params as params
}
