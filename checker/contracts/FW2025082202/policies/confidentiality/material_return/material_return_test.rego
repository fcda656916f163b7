package contract.confidentiality.material_return_test

import data.contract.confidentiality.material_return as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"confidential_return_days": 5}}

req(id, received, returned) := {"request_id": id, "received_at": received, "written": true, "returned_at": returned}

evidence(as_of, requests) := {"confidentiality": [{"path": "conf.json", "data": {"kind": "confidentiality", "as_of": as_of, "staff": [], "return_requests": requests}}]}

test_success_not_applicable_without_requests if {
	policy.not_applicable with input.evidence as evidence("2026-09-10T00:00:00+08:00", []) with data.params as params
}

test_success_returned_on_day_5_and_one_pending if {
	ev := evidence("2026-03-04T00:00:00+08:00", [req("CR-1", "2026-02-20T16:00:00+08:00", "2026-02-25T17:00:00+08:00"), req("CR-2", "2026-03-01T10:00:00+08:00", null)])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_fail_returned_on_day_6_and_never_returned if {
	ev := evidence("2026-09-10T00:00:00+08:00", [req("CR-1", "2026-02-20T16:00:00+08:00", "2026-02-26T09:00:00+08:00"), req("CR-2", "2026-03-01T10:00:00+08:00", null)])
	policy.deny == {
		{"msg": "request CR-1 received on 2026-02-20: material returned on 2026-02-26, 6 days later (limit 5, due 2026-02-25) [15.5]", "evidence": "conf.json#/return_requests/0", "days": 6, "due": "2026-02-25"},
		{"msg": "request CR-2 received on 2026-03-01: material not returned, due 2026-03-06 [15.5]", "evidence": "conf.json#/return_requests/1"},
	} with input.evidence as ev with data.params as params
}
