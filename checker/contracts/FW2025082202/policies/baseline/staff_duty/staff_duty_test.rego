package contract.baseline.staff_duty_test

import data.contract.baseline.staff_duty as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-09-04T00:00:00+08:00", "months": 1}}

member(id, at) := {"staff_id": id, "role": "operations engineer", "organisation_role": "party_b", "security_registration": {"registered_at": at, "reference": sprintf("REG-%s", [id])}}

staff := [member("B1", "2025-08-01T00:00:00+08:00"), member("B2", "2025-08-01T00:00:00+08:00"), member("B3", "2025-09-03T12:00:00+08:00")]

shift(id, start, end, who) := {"shift_id": id, "start": start, "end": end, "staff_ids": who}

day := [
	shift("s1", "2025-09-03T00:00:00+08:00", "2025-09-03T08:00:00+08:00", ["B1"]),
	shift("s2", "2025-09-03T08:00:00+08:00", "2025-09-03T16:00:00+08:00", ["B2"]),
	shift("s3", "2025-09-03T16:00:00+08:00", "2025-09-04T00:00:00+08:00", ["B1", "B3"]),
]

evidence(shifts) := {"duty_roster": [{"path": "roster.json", "data": {"kind": "duty_roster", "staff": staff, "shifts": shifts}}]}

test_success_three_shifts_cover_the_day if {
	count(policy.deny) == 0 with input.evidence as evidence(day) with data.params as params
	policy.measure.gaps == 0 with input.evidence as evidence(day) with data.params as params
}

test_fail_gap_between_shifts_is_reported_with_its_times if {
	shifts := [day[0], shift("s2", "2025-09-03T09:30:00+08:00", "2025-09-03T16:00:00+08:00", ["B2"]), day[2]]
	policy.deny == {{
		"msg": "no registered staff on duty from 2025-09-03T08:00:00+08:00 to 2025-09-03T09:30:00+08:00 (90 minutes) [2.2.2.1]",
		"evidence": "roster.json#/shifts/0",
		"from": "2025-09-03T08:00:00+08:00", "to": "2025-09-03T09:30:00+08:00", "minutes": 90,
	}} with input.evidence as evidence(shifts) with data.params as params
}

test_fail_shift_of_unregistered_staff_does_not_cover_and_is_named if {
	shifts := [day[0], shift("s2", "2025-09-03T08:00:00+08:00", "2025-09-03T16:00:00+08:00", ["B3", "X9"]), day[2]]
	policy.deny == {
		{
			"msg": "no registered staff on duty from 2025-09-03T08:00:00+08:00 to 2025-09-03T16:00:00+08:00 (480 minutes) [2.2.2.1]",
			"evidence": "roster.json#/shifts/0",
			"from": "2025-09-03T08:00:00+08:00", "to": "2025-09-03T16:00:00+08:00", "minutes": 480,
		},
		{
			"msg": "staff B3 stood 1 shift(s) without a valid security registration (registered after the shift started or revoked before it ended) [2.2.2.1]",
			"evidence": "roster.json#/shifts/1/staff_ids", "staff_id": "B3", "shifts": 1,
		},
		{
			"msg": "staff X9 stood 1 shift(s) without a valid security registration (not in the staff register) [2.2.2.1]",
			"evidence": "roster.json#/shifts/1/staff_ids", "staff_id": "X9", "shifts": 1,
		},
	} with input.evidence as evidence(shifts) with data.params as params
}

test_fail_empty_roster_leaves_the_whole_period_uncovered if {
	policy.measure.uncovered_minutes == 1440 with input.evidence as evidence([]) with data.params as params
	count(policy.deny) == 1 with input.evidence as evidence([]) with data.params as params
}

# two roster files each have a shift 0: X9 stood both, counted twice, named in the first file
test_fail_unregistered_staff_in_two_roster_files_counts_each_shift if {
	a := {"path": "roster-a.json", "data": {"kind": "duty_roster", "staff": staff, "shifts": [shift("a0", "2025-09-03T00:00:00+08:00", "2025-09-03T12:00:00+08:00", ["B1", "X9"])]}}
	b := {"path": "roster-b.json", "data": {"kind": "duty_roster", "staff": staff, "shifts": [shift("b0", "2025-09-03T12:00:00+08:00", "2025-09-04T00:00:00+08:00", ["B2", "X9"])]}}
	policy.deny == {{
		"msg": "staff X9 stood 2 shift(s) without a valid security registration (not in the staff register) [2.2.2.1]",
		"evidence": "roster-a.json#/shifts/0/staff_ids", "staff_id": "X9", "shifts": 2,
	}} with input.evidence as {"duty_roster": [a, b]} with data.params as params
}
