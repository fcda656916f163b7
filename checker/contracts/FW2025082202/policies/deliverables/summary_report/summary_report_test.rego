package contract.deliverables.summary_report_test

import data.contract.deliverables.summary_report as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

doc(at) := {"doc_id": "SUM", "title": "项目总结报告", "delivered_at": at}

register(summary, acceptance, as_of) := [{"path": "d.json", "data": {"kind": "deliverables", "as_of": as_of, "implementation_plan": null, "monthly_reports": [], "special_events": [], "special_reports": [], "summary_report": summary, "acceptance_at": acceptance}}]

evidence(summary, acceptance, as_of) := {"deliverables": register(summary, acceptance, as_of)}

with_rounds(summary, rounds) := {
	"deliverables": register(summary, null, after),
	"acceptance": [{"path": "acc.json", "data": {"kind": "acceptance", "as_of": after, "rounds": rounds}}],
}

round(n, held_on, extra) := object.union({"round": n, "submitted_at": "2026-09-03T10:00:00+08:00", "held_on": held_on, "result": "pass"}, extra)

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
		"msg": "summary report SUM delivered 2026-09-28T10:00:00+08:00, not before the acceptance meeting of 2026-09-25T10:00:00+08:00 [6.3.4]",
		"evidence": "d.json#/summary_report",
		"doc_id": "SUM", "delivered_at": "2026-09-28T10:00:00+08:00",
	}} with input.evidence as evidence(doc("2026-09-28T10:00:00+08:00"), "2026-09-25T10:00:00+08:00", after) with data.params as params
}

test_fail_missing_acceptance_date_is_not_on_time if {
	policy.deny == {{
		"msg": "summary report SUM delivered 2026-09-08T10:00:00+08:00, but no acceptance date is recorded: delivery before acceptance is not shown [6.3.4]",
		"evidence": "d.json#/summary_report",
		"doc_id": "SUM", "delivered_at": "2026-09-08T10:00:00+08:00",
	}} with input.evidence as evidence(doc("2026-09-08T10:00:00+08:00"), null, after) with data.params as params
}

test_success_acceptance_record_meeting_time_counts if {
	e := with_rounds(doc("2026-09-22T09:59:00+08:00"), [round(1, "2026-09-22", {"held_at": "2026-09-22T10:00:00+08:00"})])
	count(policy.deny) == 0 with input.evidence as e with data.params as params
}

test_fail_delivered_at_the_meeting_or_on_its_day_without_a_time if {
	at_meeting := with_rounds(doc("2026-09-22T10:00:00+08:00"), [round(1, "2026-09-22", {"held_at": "2026-09-22T10:00:00+08:00"})])
	count(policy.deny) == 1 with input.evidence as at_meeting with data.params as params
	# no meeting time: the meeting counts from 00:00 of its day
	same_day := with_rounds(doc("2026-09-22T08:00:00+08:00"), [round(1, "2026-09-22", {})])
	count(policy.deny) == 1 with input.evidence as same_day with data.params as params
	day_before := with_rounds(doc("2026-09-21T23:59:00+08:00"), [round(1, "2026-09-22", {})])
	count(policy.deny) == 0 with input.evidence as day_before with data.params as params
}

test_fail_first_round_counts_not_the_passing_one if {
	# round 1 failed on 09-22, round 2 passed on 10-12: the summary of 10-09 came after acceptance began
	e := with_rounds(doc("2026-10-09T10:00:00+08:00"), [object.union(round(1, "2026-09-22", {}), {"result": "fail"}), round(2, "2026-10-12", {})])
	count(policy.deny) == 1 with input.evidence as e with data.params as params
}
