package contract.confidentiality.agreements_test

import data.contract.confidentiality.agreements as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

person(id, from, to, signed) := {"staff_id": id, "role": "ops_engineer", "on_project_from": from, "on_project_to": to, "agreement": signed}

nda(id, on) := {"agreement_id": id, "signed_on": on}

evidence(staff) := {"confidentiality": [{"path": "conf.json", "data": {"kind": "confidentiality", "as_of": "2026-09-10T00:00:00+08:00", "staff": staff, "return_requests": []}}]}

test_success_everyone_signed_before_joining if {
	ev := evidence([person("ST-01", "2025-08-20", null, nda("NDA-01", "2025-08-19")), person("ST-02", "2026-01-05", "2026-04-30", nda("NDA-02", "2026-01-05"))])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"staff": 2, "signed": 2} with input.evidence as ev with data.params as params
}

test_fail_unsigned_and_signed_late if {
	ev := evidence([
		person("ST-01", "2025-08-20", null, null),
		person("ST-02", "2026-01-05", null, nda("NDA-02", "2026-01-12")),
		person("ST-03", "2024-01-05", "2025-06-30", null),
	])
	policy.deny == {
		{"msg": "ST-01 (ops_engineer) on the project since 2025-08-20 has no signed confidentiality agreement [15.4]", "evidence": "conf.json#/staff/0"},
		{"msg": "ST-02 (ops_engineer) joined on 2026-01-05 but signed agreement NDA-02 only on 2026-01-12 [15.4]", "evidence": "conf.json#/staff/1"},
	} with input.evidence as ev with data.params as params
}
