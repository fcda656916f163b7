package contract.confidentiality.data_access_test

import data.contract.confidentiality.data_access as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

staff := [
	{"staff_id": "ST-01", "role": "dba", "on_project_from": "2025-08-20", "on_project_to": null, "agreement": {"agreement_id": "NDA-01", "signed_on": "2025-08-19"}},
	{"staff_id": "ST-02", "role": "ops_engineer", "on_project_from": "2026-01-10", "on_project_to": "2026-06-30", "agreement": {"agreement_id": "NDA-02", "signed_on": "2026-01-12"}},
	{"staff_id": "ST-03", "role": "ops_engineer", "on_project_from": "2025-08-20", "on_project_to": null, "agreement": null},
]

grants := [
	{"staff_id": "ST-01", "system_id": "S5", "granted_from": "2025-09-01", "granted_to": "2026-03-31"},
	{"staff_id": "ST-02", "system_id": "S5", "granted_from": "2026-01-10", "granted_to": null},
	{"staff_id": "ST-03", "system_id": "S5", "granted_from": "2025-09-01", "granted_to": null},
]

acc(id, who, at) := {"access_id": id, "staff_id": who, "system_id": "S5", "accessed_at": at, "data_scope": "business database", "purpose": {"type": "ticket", "ref": "T-1"}, "source": {"tool": "bastion", "log_ref": "BL-1"}}

covers := {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}

ev(c, accesses) := {
	"confidentiality": [{"path": "conf.json", "data": {"kind": "confidentiality", "as_of": "2026-10-01T00:00:00+08:00", "staff": staff, "return_requests": []}}],
	"data_access": [{"path": "acc.json", "data": {"kind": "data_access", "as_of": "2026-10-01T00:00:00+08:00", "covers": c, "need_to_know": grants, "accesses": accesses}}],
}

test_success_project_staff_with_agreement_and_grant_on_the_last_grant_day if {
	count(policy.deny) == 0 with input.evidence as ev(covers, [acc("A1", "ST-01", "2026-03-31T23:59:59+08:00"), acc("A2", "ST-02", "2026-06-30T12:00:00+08:00")]) with data.params as params
}

test_fail_grant_ended_the_day_before if {
	policy.deny == {{"msg": "access A1 to S5 (business database) at 2026-04-01T00:00:00+08:00 by ST-01, who holds no need-to-know grant for S5 that day [15.3]", "evidence": "acc.json#/accesses/0"}} with input.evidence as ev(covers, [acc("A1", "ST-01", "2026-04-01T00:00:00+08:00")]) with data.params as params
}

test_fail_outsider_left_staff_and_no_agreement if {
	policy.deny == {
		{"msg": "access A1 to S5 (business database) at 2026-02-01T10:00:00+08:00 by SALES-9, who is not on the project that day [15.3]", "evidence": "acc.json#/accesses/0"},
		{"msg": "access A2 to S5 (business database) at 2026-07-01T00:00:00+08:00 by ST-02, who is not on the project that day [15.3]", "evidence": "acc.json#/accesses/1"},
		{"msg": "access A3 to S5 (business database) at 2026-02-01T10:00:00+08:00 by ST-03, who has no signed confidentiality agreement [15.3]", "evidence": "acc.json#/accesses/2"},
	} with input.evidence as ev(covers, [acc("A1", "SALES-9", "2026-02-01T10:00:00+08:00"), acc("A2", "ST-02", "2026-07-01T00:00:00+08:00"), acc("A3", "ST-03", "2026-02-01T10:00:00+08:00")]) with data.params as params
}

test_fail_access_before_the_agreement_was_signed if {
	# on the project from 2026-01-10, signed on 2026-01-12: day 11 fails, day 12 passes
	policy.deny == {{"msg": "access A1 to S5 (business database) at 2026-01-11T23:59:59+08:00 by ST-02, who signed agreement NDA-02 only on 2026-01-12 [15.3]", "evidence": "acc.json#/accesses/0"}} with input.evidence as ev(covers, [acc("A1", "ST-02", "2026-01-11T23:59:59+08:00"), acc("A2", "ST-02", "2026-01-12T00:00:00+08:00")]) with data.params as params
}

test_fail_log_not_covering_the_whole_period if {
	c := {"start": "2025-09-03T00:00:01+08:00", "end": "2026-09-03T00:00:00+08:00"}
	policy.deny == {{"msg": "the access log covers 2025-09-03T00:00:01+08:00 to 2026-09-03T00:00:00+08:00, not the whole service period: an access outside it cannot be judged [15.3]", "evidence": "acc.json#/covers"}} with input.evidence as ev(c, []) with data.params as params
}

test_success_no_access_in_a_complete_log if {
	count(policy.deny) == 0 with input.evidence as ev(covers, []) with data.params as params
}
