package contract.deliverables.implementation_plan_test

import data.contract.deliverables.implementation_plan as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "deliverables": {"implementation_plan_grace_days": 0}}

# the alternative reading: a start-up stage of 5 days
five_days := object.union(params, {"deliverables": {"implementation_plan_grace_days": 5}})

doc(id, at) := {"doc_id": id, "title": "项目实施方案", "delivered_at": at}

evidence(plan) := {"deliverables": [{"path": "d.json", "data": {"kind": "deliverables", "as_of": "2026-09-30T00:00:00+08:00", "implementation_plan": plan, "monthly_reports": [], "special_events": [], "special_reports": [], "summary_report": null}}]}

test_success_plan_before_the_start if {
	count(policy.deny) == 0 with input.evidence as evidence(doc("P1", "2025-08-28T10:00:00+08:00")) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence(doc("P1", "2025-08-28T10:00:00+08:00")) with data.params as params
}

test_success_plan_at_the_start_instant if {
	count(policy.deny) == 0 with input.evidence as evidence(doc("P1", "2025-09-03T00:00:00+08:00")) with data.params as params
}

test_fail_no_plan if {
	policy.deny == {{
		"msg": "no implementation plan delivered (due by the end of the start-up stage, 2025-09-03T00:00:00+08:00) [6.3.1]",
		"evidence": "d.json#/implementation_plan",
	}} with input.evidence as evidence(null) with data.params as params
}

test_fail_plan_after_the_start if {
	policy.deny == {{
		"msg": "implementation plan P1 delivered 2025-09-20T10:00:00+08:00, after the end of the start-up stage 2025-09-03T00:00:00+08:00 [6.3.1]",
		"evidence": "d.json#/implementation_plan",
		"doc_id": "P1", "delivered_at": "2025-09-20T10:00:00+08:00",
	}} with input.evidence as evidence(doc("P1", "2025-09-20T10:00:00+08:00")) with data.params as params
}

test_fail_plan_one_second_after_the_start if {
	count(policy.deny) == 1 with input.evidence as evidence(doc("P1", "2025-09-03T00:00:01+08:00")) with data.params as params
}

test_success_start_up_stage_of_five_days_ends_at_24_00_of_the_fifth_day if {
	count(policy.deny) == 0 with input.evidence as evidence(doc("P1", "2025-09-08T00:00:00+08:00")) with data.params as five_days
	count(policy.deny) == 1 with input.evidence as evidence(doc("P1", "2025-09-08T00:01:00+08:00")) with data.params as five_days
}
