package contract.baseline.security_drills_test

import data.contract.baseline.security_drills as policy

params := {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"duties": {"drills_min": 1},
}

drill(id, by, status, report) := object.union(
	{"drill_id": id, "organised_by_role": by, "plan_id": "EP-1", "started_at": "2025-11-17T09:00:00+08:00", "ended_at": "2025-11-17T13:00:00+08:00", "status": status, "title": "drill"},
	report,
)

evidence(drills) := {"drills": [{"path": "d.json", "data": {"kind": "drills", "plans": [], "drills": drills}}]}

test_success_one_assisted_drill_of_party_a if {
	count(policy.deny) == 0 with input.evidence as evidence([drill("D1", "party_a", "completed", {"report_doc_id": "R1"})]) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence([drill("D1", "party_a", "completed", {"report_doc_id": "R1"})]) with data.params as params
}

test_fail_drill_without_report_and_none_assisted if {
	policy.deny == {
		{"msg": "Party A's drill D1 has no written report of the assistance given [2.2.2.3]", "evidence": "d.json#/drills/0"},
		{"msg": "0 drills of Party A assisted in the period, at least 1 required [2.2.2.3]", "evidence": "d.json#/drills"},
	} with input.evidence as evidence([drill("D1", "party_a", "completed", {})]) with data.params as params
}

test_fail_provider_own_drill_does_not_count if {
	policy.deny == {{"msg": "0 drills of Party A assisted in the period, at least 1 required [2.2.2.3]", "evidence": "d.json#/drills"}} with input.evidence as evidence([drill("D1", "party_b", "completed", {"report_doc_id": "R1"})]) with data.params as params
}
