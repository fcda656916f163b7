package contract.confidentiality.agreements_test

import data.contract.confidentiality.agreements as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

person(id, from, to, signed) := {"staff_id": id, "role": "ops_engineer", "on_project_from": from, "on_project_to": to, "agreement": signed}

nda(id, on) := {"agreement_id": id, "signed_on": on}

conf(staff, access) := [{"path": "conf.json", "data": {"kind": "confidentiality", "as_of": "2026-09-10T00:00:00+08:00", "staff": staff, "return_requests": [], "access_records": access}}]

evidence(staff) := {"confidentiality": conf(staff, [])}

shift(id, start, ids) := {"shift_id": id, "start": start, "end": start, "staff_ids": ids}

with_roster(staff, shifts, access) := {
	"confidentiality": conf(staff, access),
	"duty_roster": [{"path": "roster.json", "data": {"kind": "duty_roster", "staff": [], "shifts": shifts}}],
}

test_success_everyone_signed_before_joining if {
	ev := evidence([person("ST-01", "2025-08-20", null, nda("NDA-01", "2025-08-19")), person("ST-02", "2026-01-05", "2026-04-30", nda("NDA-02", "2026-01-05"))])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"people": 2, "signed": 2, "staff": 2} with input.evidence as ev with data.params as params
}

test_fail_unsigned_and_signed_late if {
	ev := evidence([
		person("ST-01", "2025-08-20", null, null),
		person("ST-02", "2026-01-05", null, nda("NDA-02", "2026-01-12")),
		person("ST-03", "2024-01-05", "2025-06-30", null),
	])
	policy.deny == {
		{"msg": "ST-01, on the project since 2025-08-20, has no signed confidentiality agreement [15.4]", "evidence": "conf.json#/staff/0"},
		{"msg": "ST-02, on the project since 2026-01-05, signed agreement NDA-02 only on 2026-01-12 [15.4]", "evidence": "conf.json#/staff/1"},
	} with input.evidence as ev with data.params as params
}

test_fail_roster_and_access_people_not_on_the_staff_list if {
	ev := with_roster(
		[person("ST-01", "2025-08-20", null, nda("NDA-01", "2025-08-19"))],
		[shift("S1", "2025-09-03T00:00:00+08:00", ["ST-01"]), shift("S2", "2025-12-01T08:00:00+08:00", ["ST-01", "B-TMP-901"])],
		[{"staff_id": "V-301", "accessed_at": "2026-02-02T10:00:00+08:00"}],
	)
	policy.deny == {
		{"msg": "B-TMP-901, on duty from 2025-12-01T08:00:00+08:00, has no signed confidentiality agreement [15.4]", "evidence": "roster.json#/shifts/1"},
		{"msg": "V-301, accessed Party A's systems at 2026-02-02T10:00:00+08:00, has no signed confidentiality agreement [15.4]", "evidence": "conf.json#/access_records/0"},
	} with input.evidence as ev with data.params as params
}

test_fail_first_access_before_the_listed_join_day_counts if {
	# the staff list says 2026-01-05, but the person accessed on 01-03 and was on duty on 01-04
	ev := with_roster(
		[person("ST-02", "2026-01-05", null, nda("NDA-02", "2026-01-04"))],
		[shift("S1", "2026-01-04T08:00:00+08:00", ["ST-02"])],
		[{"staff_id": "ST-02", "accessed_at": "2026-01-03T23:59:00+08:00"}],
	)
	policy.deny == {{"msg": "ST-02, accessed Party A's systems at 2026-01-03T23:59:00+08:00, signed agreement NDA-02 only on 2026-01-04 [15.4]", "evidence": "conf.json#/access_records/0"}} with input.evidence as ev with data.params as params
}

test_success_signed_on_the_day_of_the_first_shift if {
	ev := with_roster([person("ST-02", "2026-01-05", null, nda("NDA-02", "2026-01-04"))], [shift("S1", "2026-01-04T08:00:00+08:00", ["ST-02"])], [])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}
