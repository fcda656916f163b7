package contract.duties.staff_training_test

import data.contract.duties.staff_training as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

reg := {"registered_at": "2025-08-01T00:00:00+08:00", "reference": "R"}

staff := [{"staff_id": id, "role": "operations engineer", "organisation_role": "party_b", "security_registration": reg} | some id in ["B1", "B2", "B3"]]

shifts := [
	{"shift_id": "S1", "start": "2025-09-03T00:00:00+08:00", "end": "2025-09-03T08:00:00+08:00", "staff_ids": ["B1", "B2"]},
	{"shift_id": "S2", "start": "2026-09-02T16:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "staff_ids": ["B2"]},
	# B3 only stood a shift before the period: not on the roster in the term
	{"shift_id": "S0", "start": "2025-09-01T00:00:00+08:00", "end": "2025-09-01T08:00:00+08:00", "staff_ids": ["B3"]},
]

rec(id, staff_id, topic, at) := {"record_id": id, "staff_id": staff_id, "topic": topic, "course": "c", "completed_at": at}

ev(records) := {
	"duty_roster": [{"path": "roster.json", "data": {"kind": "duty_roster", "staff": staff, "shifts": shifts}}],
	"staff_training": [{"path": "training.json", "data": {"kind": "staff_training", "as_of": "2026-09-03T00:00:00+08:00", "records": records}}],
}

full := [
	rec("T1", "B1", "security", "2025-09-03T00:00:00+08:00"),
	rec("T2", "B1", "technical", "2025-09-10T09:00:00+08:00"),
	rec("T3", "B2", "security", "2026-09-02T23:59:59+08:00"),
	rec("T4", "B2", "technical", "2025-10-10T09:00:00+08:00"),
]

test_success_everyone_on_the_roster_trained_in_the_period_edges_included if {
	count(policy.deny) == 0 with input.evidence as ev(full) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "staff member"} with input.evidence as ev(full) with data.params as params
}

test_fail_training_one_second_before_or_at_the_end_of_the_period_does_not_count if {
	records := [
		rec("T1", "B1", "security", "2025-09-02T23:59:59+08:00"),
		rec("T2", "B1", "technical", "2025-09-10T09:00:00+08:00"),
		rec("T3", "B2", "security", "2026-09-03T00:00:00+08:00"),
		rec("T4", "B2", "technical", "2025-10-10T09:00:00+08:00"),
	]
	policy.deny == {
		{"msg": "staff B1 stood duty in the period with no security training (安全培训) record in it [9.4]", "evidence": "roster.json#/shifts/0/staff_ids", "staff_id": "B1", "topic": "security"},
		{"msg": "staff B2 stood duty in the period with no security training (安全培训) record in it [9.4]", "evidence": "roster.json#/shifts/0/staff_ids", "staff_id": "B2", "topic": "security"},
	} with input.evidence as ev(records) with data.params as params
}

test_fail_no_records_at_all if {
	count(policy.deny) == 4 with input.evidence as ev([]) with data.params as params
	policy.measure.actual == 0 with input.evidence as ev([]) with data.params as params
}
