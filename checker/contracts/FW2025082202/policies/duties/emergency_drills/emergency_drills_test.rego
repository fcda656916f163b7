package contract.duties.emergency_drills_test

import data.contract.duties.emergency_drills as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}, "duties": {"drills_min": 2}}

plan := {"doc_id": "EP-1", "title": "应急预案", "delivered_at": "2025-09-10T10:00:00+08:00", "system_ids": ["S1"]}

drill(id, plan_id, start, status, report) := {"drill_id": id, "plan_id": plan_id, "title": id, "started_at": start, "ended_at": "2026-06-01T12:00:00+08:00", "status": status, "report_doc_id": report}

evidence(plans, drills) := {"drills": [{"path": "dr.json", "data": {"kind": "drills", "as_of": "2026-09-10T00:00:00+08:00", "plans": plans, "drills": drills}}]}

test_success_plan_and_two_reported_drills if {
	ev := evidence([plan], [drill("DR-1", "EP-1", "2025-11-17T09:00:00+08:00", "completed", "R-1"), drill("DR-2", "EP-1", "2026-05-16T09:00:00+08:00", "completed", "R-2")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "drill", "plans": 1} with input.evidence as ev with data.params as params
}

test_fail_no_plan_and_drills_that_do_not_count if {
	ev := evidence([], [drill("DR-1", "EP-1", "2025-11-17T09:00:00+08:00", "completed", null), drill("DR-2", "EP-1", "2026-05-16T09:00:00+08:00", "cancelled", null)])
	policy.deny == {
		{"msg": "no emergency plan delivered before the period ended [9.12]", "evidence": "dr.json#/plans"},
		{"msg": "0 emergency drills completed with a report in the period, at least 2 required [9.12]", "evidence": "dr.json#/drills"},
		{"msg": "drill DR-1 exercises plan EP-1, which is not in the register [9.12]", "evidence": "dr.json#/drills/0"},
	} with input.evidence as ev with data.params as params
}

test_fail_completed_drill_without_report if {
	ev := evidence([plan], [drill("DR-1", "EP-1", "2025-11-17T09:00:00+08:00", "completed", "R-1"), drill("DR-2", "EP-1", "2026-05-16T09:00:00+08:00", "completed", null)])
	policy.deny == {
		{"msg": "1 emergency drills completed with a report in the period, at least 2 required [9.12]", "evidence": "dr.json#/drills"},
		{"msg": "drill DR-2 has no written report [9.12]", "evidence": "dr.json#/drills/1"},
	} with input.evidence as ev with data.params as params
	policy.excluded == {{"evidence": "dr.json#/drills/1", "reason": "has no written report"}} with input.evidence as ev with data.params as params
}
