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
	policy.measure == {"organised_by_party_a": 1, "assisted": 1, "cancelled_by_party_a": 0, "unit": "drill"} with input.evidence as evidence([drill("D1", "party_a", "completed", {"report_doc_id": "R1"})]) with data.params as params
	not policy.not_applicable with input.evidence as evidence([drill("D1", "party_a", "completed", {"report_doc_id": "R1"})]) with data.params as params
}

test_fail_drill_without_report if {
	policy.deny == {{"msg": "Party A's drill D1 has no written report of the assistance given [2.2.2.3]", "evidence": "d.json#/drills/0"}} with input.evidence as evidence([drill("D1", "party_a", "completed", {})]) with data.params as params
}

# defect: B's service is to assist A's drills; when A organised none there is nothing to
# assist (the old reading failed the clause for want of a drill)
test_success_not_applicable_when_party_a_organised_none if {
	policy.not_applicable with input.evidence as evidence([]) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence([]) with data.params as params
	policy.not_applicable with input.evidence as evidence([drill("D1", "party_b", "completed", {"report_doc_id": "R1"})]) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence([drill("D1", "party_b", "completed", {"report_doc_id": "R1"})]) with data.params as params
}

# defect: a drill Party A cancelled was counted against B
test_success_drill_cancelled_by_party_a_is_not_b_fault if {
	ds := [drill("D1", "party_a", "cancelled", {"cancelled_by_role": "party_a"}), drill("D2", "party_a", "completed", {"report_doc_id": "R2"})]
	count(policy.deny) == 0 with input.evidence as evidence(ds) with data.params as params
	policy.measure.cancelled_by_party_a == 1 with input.evidence as evidence(ds) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence([drill("D1", "party_a", "cancelled", {"cancelled_by_role": "party_a"})]) with data.params as params
}

test_fail_drill_cancelled_by_party_b_or_without_a_canceller if {
	policy.deny == {
		{"msg": "Party A's drill D1 was cancelled, and not by Party A (cancelled_by_role party_b) [2.2.2.3]", "evidence": "d.json#/drills/0"},
		{"msg": "Party A's drill D2 was cancelled, and not by Party A (cancelled_by_role null) [2.2.2.3]", "evidence": "d.json#/drills/1"},
	} with input.evidence as evidence([drill("D1", "party_a", "cancelled", {"cancelled_by_role": "party_b"}), drill("D2", "party_a", "cancelled", {})]) with data.params as params
}

# period boundary: a drill started at the period start counts, one second before does not
test_fail_period_boundary if {
	at := object.union(drill("D1", "party_a", "completed", {}), {"started_at": "2025-09-03T00:00:00+08:00"})
	before := object.union(drill("D1", "party_a", "completed", {}), {"started_at": "2025-09-02T23:59:59+08:00"})
	count(policy.deny) == 1 with input.evidence as evidence([at]) with data.params as params
	policy.not_applicable with input.evidence as evidence([before]) with data.params as params
}
