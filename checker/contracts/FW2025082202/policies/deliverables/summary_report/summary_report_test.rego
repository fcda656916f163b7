package contract.deliverables.summary_report_test

import data.contract.deliverables.summary_report as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

doc(at) := {"doc_id": "SUM", "title": "项目总结报告", "delivered_at": at}

evidence(summary, acceptance, as_of) := {"deliverables": [{"path": "d.json", "data": {"kind": "deliverables", "as_of": as_of, "implementation_plan": null, "monthly_reports": [], "special_events": [], "special_reports": [], "summary_report": summary, "acceptance_at": acceptance}}]}

after := "2026-09-30T00:00:00+08:00"

test_success_summary_before_acceptance if {
	e := evidence(doc("2026-09-08T10:00:00+08:00"), "2026-09-25T10:00:00+08:00", after)
	count(policy.deny) == 0 with input.evidence as e with data.params as params
	policy.measure.actual == 1 with input.evidence as e with data.params as params
}

test_success_not_applicable_before_the_period_ends if {
	e := evidence(null, null, "2026-05-01T00:00:00+08:00")
	policy.not_applicable with input.evidence as e with data.params as params
	count(policy.deny) == 0 with input.evidence as e with data.params as params
}

test_fail_no_summary_at_acceptance if {
	policy.deny == {{
		"msg": "no summary report delivered for acceptance (period ended 2026-09-03T00:00:00+08:00) [6.3.4]",
		"evidence": "d.json#/summary_report",
	}} with input.evidence as evidence(null, "2026-09-25T10:00:00+08:00", after) with data.params as params
}

test_fail_summary_after_acceptance if {
	policy.deny == {{
		"msg": "summary report SUM delivered 2026-09-28T10:00:00+08:00, after acceptance on 2026-09-25T10:00:00+08:00 [6.3.4]",
		"evidence": "d.json#/summary_report",
		"doc_id": "SUM", "delivered_at": "2026-09-28T10:00:00+08:00",
	}} with input.evidence as evidence(doc("2026-09-28T10:00:00+08:00"), "2026-09-25T10:00:00+08:00", after) with data.params as params
}
