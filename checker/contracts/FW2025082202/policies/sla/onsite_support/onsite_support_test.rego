package contract.sla.onsite_support_test

import data.contract.sla.onsite_support as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2026-01-01T00:00:00+08:00", "end": "2026-01-02T00:00:00+08:00", "months": 1}}

reg := {"registered_at": "2025-12-01T00:00:00+08:00", "reference": "R"}

staff := [
	{"staff_id": "B1", "role": "operations engineer", "organisation_role": "party_b", "security_registration": reg},
	{"staff_id": "B2", "role": "operations engineer", "organisation_role": "party_b", "security_registration": reg},
	{"staff_id": "B3", "role": "security engineer", "organisation_role": "party_b", "security_registration": {"registered_at": "2026-01-01T12:00:00+08:00", "reference": "R3"}},
]

both := {"B1": "onsite", "B2": "technical_support"}

shift(id, s, e, ids, role) := {"shift_id": id, "start": s, "end": e, "staff_ids": ids, "role": role}

ev(shifts) := {"duty_roster": [{"path": "roster.json", "data": {"kind": "duty_roster", "staff": staff, "shifts": shifts}}]}

test_success_both_roles_every_instant if {
	shifts := [
		shift("S1", "2026-01-01T00:00:00+08:00", "2026-01-01T12:00:00+08:00", ["B1", "B2"], both),
		shift("S2", "2026-01-01T12:00:00+08:00", "2026-01-02T00:00:00+08:00", ["B1", "B2"], {"B1": "technical_support", "B2": "onsite"}),
	]
	count(policy.deny) == 0 with input.evidence as ev(shifts) with data.params as params
	policy.measure.gaps == 0 with input.evidence as ev(shifts) with data.params as params
}

test_fail_one_minute_without_technical_support if {
	shifts := [
		shift("S1", "2026-01-01T00:00:00+08:00", "2026-01-01T12:00:00+08:00", ["B1", "B2"], both),
		shift("S2", "2026-01-01T12:00:00+08:00", "2026-01-01T12:01:00+08:00", ["B1"], {"B1": "onsite"}),
		shift("S3", "2026-01-01T12:01:00+08:00", "2026-01-02T00:00:00+08:00", ["B1", "B2"], both),
	]
	policy.deny == {{"msg": "no registered technical-support engineer (技术支持) on duty from 2026-01-01T12:00:00+08:00 to 2026-01-01T12:01:00+08:00 (1 minutes) [3.8.d]", "evidence": "roster.json#/shifts/0", "role": "technical_support", "from": "2026-01-01T12:00:00+08:00", "to": "2026-01-01T12:01:00+08:00", "minutes": 1}} with input.evidence as ev(shifts) with data.params as params
}

test_fail_shift_without_role_field_gives_neither if {
	shifts := [
		shift("S1", "2026-01-01T00:00:00+08:00", "2026-01-01T12:00:00+08:00", ["B1", "B2"], both),
		{"shift_id": "S2", "start": "2026-01-01T12:00:00+08:00", "end": "2026-01-02T00:00:00+08:00", "staff_ids": ["B1", "B2"]},
	]
	{v.role | some v in policy.deny} == {"onsite", "technical_support"} with input.evidence as ev(shifts) with data.params as params
}

test_fail_role_of_an_unregistered_or_absent_person_does_not_count if {
	shifts := [
		# B3 registered only at 12:00: the morning's technical support is not counted
		shift("S1", "2026-01-01T00:00:00+08:00", "2026-01-01T12:00:00+08:00", ["B1", "B3"], {"B1": "onsite", "B3": "technical_support"}),
		# B2 holds the role but is not on the shift
		shift("S2", "2026-01-01T12:00:00+08:00", "2026-01-02T00:00:00+08:00", ["B1"], both),
	]
	{[v.role, v.from, v.to] | some v in policy.deny} == {["technical_support", "2026-01-01T00:00:00+08:00", "2026-01-02T00:00:00+08:00"]} with input.evidence as ev(shifts) with data.params as params
}
