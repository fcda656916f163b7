package contract.duties.qualifications_test

import data.contract.duties.qualifications as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"required_qualifications": ["idc_licence", "cloud_service_licence"], "staff_turnover_max_permille": 200}}

q(id, t, from, to) := {"qualification_id": id, "type": t, "issuer": "telecom authority", "number_ref": sprintf("N-%s", [id]), "valid_from": from, "valid_to": to}

quals := [
	q("Q1", "idc_licence", "2021-01-01", "2025-12-31"),
	q("Q2", "idc_licence", "2026-01-01", "2030-12-31"),
	q("Q3", "cloud_service_licence", "2024-05-01", "2026-09-02"),
]

reg := {"registered_at": "2025-08-01T00:00:00+08:00", "reference": "R"}

# first month: B1..B5 (or B1..B10); last month: the team given
roster(first, last) := {"kind": "duty_roster", "staff": [], "shifts": [
	{"shift_id": "S1", "start": "2025-09-03T00:00:00+08:00", "end": "2025-09-03T08:00:00+08:00", "staff_ids": first},
	{"shift_id": "S2", "start": "2026-09-02T16:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "staff_ids": last},
]}

ev(qs, r) := {"qualifications": [{"path": "q.json", "data": {"kind": "qualifications", "as_of": "2026-09-03T00:00:00+08:00", "qualifications": qs}}], "duty_roster": [{"path": "roster.json", "data": r}]}

five := ["B1", "B2", "B3", "B4", "B5"]

ten := ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10"]

test_success_valid_every_day_and_one_in_five_gone_is_the_limit if {
	count(policy.deny) == 0 with input.evidence as ev(quals, roster(five, ["B1", "B2", "B3", "B4", "N1"])) with data.params as params
	policy.measure.departed == 1 with input.evidence as ev(quals, roster(five, ["B1", "B2", "B3", "B4", "N1"])) with data.params as params
}

test_success_one_in_ten_gone_is_under_the_limit if {
	count(policy.deny) == 0 with input.evidence as ev(quals, roster(ten, ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9"])) with data.params as params
}

test_fail_three_in_ten_gone_is_over_the_limit if {
	policy.deny == {{"msg": "staff not stable: 3 of the 10 staff on duty in the first service month are gone in the last (B10, B8, B9; limit 200 per mille) [9.16]", "evidence": "roster.json#/shifts", "departed": ["B10", "B8", "B9"]}} with input.evidence as ev(quals, roster(ten, ["B1", "B2", "B3", "B4", "B5", "B6", "B7"])) with data.params as params
}

test_fail_just_over_the_limit_permille if {
	# 201 per mille would fail with 1000 people; with 5 staff, 2 gone is 400 per mille
	p := object.union(params, {"duties": {"required_qualifications": ["idc_licence"], "staff_turnover_max_permille": 399}})
	count(policy.deny) == 1 with input.evidence as ev(quals, roster(five, ["B1", "B2", "B3"])) with data.params as p
	p2 := object.union(params, {"duties": {"required_qualifications": ["idc_licence"], "staff_turnover_max_permille": 400}})
	count(policy.deny) == 0 with input.evidence as ev(quals, roster(five, ["B1", "B2", "B3"])) with data.params as p2
}

test_fail_licence_expired_one_day_before_the_end_and_a_gap_of_one_day if {
	qs := [
		q("Q1", "idc_licence", "2021-01-01", "2025-12-30"),
		q("Q2", "idc_licence", "2026-01-01", "2030-12-31"),
		q("Q3", "cloud_service_licence", "2024-05-01", "2026-09-01"),
	]
	policy.deny == {
		{"msg": "no valid idc_licence qualification from 2025-12-31 to 2025-12-31 [9.16]", "evidence": "q.json#/qualifications", "type": "idc_licence", "from": "2025-12-31", "to": "2025-12-31"},
		{"msg": "no valid cloud_service_licence qualification from 2026-09-02 to 2026-09-02 [9.16]", "evidence": "q.json#/qualifications", "type": "cloud_service_licence", "from": "2026-09-02", "to": "2026-09-02"},
	} with input.evidence as ev(qs, roster(five, five)) with data.params as params
}

test_fail_a_required_type_never_held if {
	count(policy.deny) == 1 with input.evidence as ev([q("Q1", "idc_licence", "2021-01-01", "2030-12-31")], roster(five, five)) with data.params as params
}
