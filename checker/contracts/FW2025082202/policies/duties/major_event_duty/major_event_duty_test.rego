package contract.duties.major_event_duty_test

import data.contract.duties.major_event_duty as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

a := {"organisation_role": "party_a", "role": "operations director"}

event(id, by) := {"event_id": id, "title": "two sessions", "start": "2026-03-02T00:00:00+08:00", "end": "2026-03-04T00:00:00+08:00", "declared_by": {"organisation_role": by, "role": "director"}, "declared_at": "2026-02-20T10:00:00+08:00"}

plan(agreed, party) := {"plan_id": "P1", "made_with": party, "agreed_at": agreed}

duty(staff, role, from, to) := {"staff_id": staff, "role": role, "from": from, "to": to, "location": "platform_site"}

full := [
	duty("B-PM-001", "project manager", "2026-03-02T00:00:00+08:00", "2026-03-03T00:00:00+08:00"),
	duty("B-OPS-001", "key engineer", "2026-03-02T00:00:00+08:00", "2026-03-04T00:00:00+08:00"),
]

ev(events, records) := {
	"major_events": [{"path": "events.json", "data": {"kind": "major_events", "events": events}}],
	"major_event_duty": [{"path": "duty.json", "data": {"kind": "major_event_duty", "as_of": "2026-09-03T00:00:00+08:00", "events": records}}],
}

test_success_not_applicable_when_party_a_declared_nothing if {
	policy.not_applicable with input.evidence as ev([event("E2", "party_b")], []) with data.params as params
	count(policy.deny) == 0 with input.evidence as ev([event("E2", "party_b")], []) with data.params as params
}

test_success_plan_agreed_at_the_start_and_site_covered if {
	e := ev([event("E1", "party_a")], [{"event_id": "E1", "plan": plan("2026-03-02T00:00:00+08:00", a), "onsite_duty": full}])
	count(policy.deny) == 0 with input.evidence as e with data.params as params
	policy.measure.events == {"E1": {"on_site": [{"role": "key engineer", "staff_id": "B-OPS-001"}, {"role": "project manager", "staff_id": "B-PM-001"}], "uncovered_minutes": 0}} with input.evidence as e with data.params as params
}

test_fail_plan_one_second_after_the_start if {
	e := ev([event("E1", "party_a")], [{"event_id": "E1", "plan": plan("2026-03-02T00:00:01+08:00", a), "onsite_duty": full}])
	policy.deny == {{"msg": "major event E1 (two sessions): plan P1 agreed 2026-03-02T00:00:01+08:00, after the event started 2026-03-02T00:00:00+08:00 [9.11]", "evidence": "duty.json#/events/0/plan", "event_id": "E1"}} with input.evidence as e with data.params as params
}

test_fail_plan_not_with_party_a_and_no_plan_and_no_record if {
	b := {"organisation_role": "party_b", "role": "pm"}
	e := ev([event("E1", "party_a"), event("E3", "party_a"), event("E4", "party_a")], [{"event_id": "E1", "plan": plan("2026-02-25T00:00:00+08:00", b), "onsite_duty": full}, {"event_id": "E3", "plan": null, "onsite_duty": full}])
	{v.msg | some v in policy.deny} == {
		"major event E1 (two sessions): plan P1 was made with party_b, not with Party A [9.11]",
		"major event E3 (two sessions): no protection plan (重保方案) [9.11]",
		"major event E4 (two sessions): no protection plan or on-site duty record [9.11]",
	} with input.evidence as e with data.params as params
}

test_fail_one_minute_off_site_and_remote_duty_does_not_count if {
	duties := [
		duty("B-OPS-001", "key engineer", "2026-03-02T00:00:00+08:00", "2026-03-03T12:00:00+08:00"),
		{"staff_id": "B-OPS-002", "role": "engineer", "from": "2026-03-03T12:00:00+08:00", "to": "2026-03-03T12:01:00+08:00", "location": "remote"},
		duty("B-OPS-002", "engineer", "2026-03-03T12:01:00+08:00", "2026-03-04T00:00:00+08:00"),
	]
	e := ev([event("E1", "party_a")], [{"event_id": "E1", "plan": plan("2026-02-25T00:00:00+08:00", a), "onsite_duty": duties}])
	policy.deny == {{"msg": "major event E1 (two sessions): no one on duty on the platform site for 1 minutes, first from 2026-03-03T12:00:00+08:00 to 2026-03-03T12:01:00+08:00 [9.11]", "evidence": "duty.json#/events/0/onsite_duty", "event_id": "E1", "minutes": 1}} with input.evidence as e with data.params as params
	policy.measure.events.E1.uncovered_minutes == 1 with input.evidence as e with data.params as params
}
