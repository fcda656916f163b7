package contract.deliverables.special_reports_test

import data.contract.deliverables.special_reports as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

event(id, type, start) := {"event_id": id, "type": type, "title": id, "start": start, "end": start}

report(id, event_id, at) := {"doc_id": id, "title": "项目专项服务报告", "event_id": event_id, "delivered_at": at}

evidence(events, reports) := {"deliverables": [{"path": "d.json", "data": {"kind": "deliverables", "as_of": "2026-09-30T00:00:00+08:00", "implementation_plan": null, "monthly_reports": [], "special_events": events, "special_reports": reports, "summary_report": null}}]}

events := [event("E1", "drill", "2025-11-12T09:00:00+08:00"), event("E2", "major_event", "2026-02-15T00:00:00+08:00")]

test_success_every_event_reported if {
	reports := [report("SR1", "E1", "2025-11-14T10:00:00+08:00"), report("SR2", "E2", "2026-02-26T10:00:00+08:00")]
	count(policy.deny) == 0 with input.evidence as evidence(events, reports) with data.params as params
	not policy.not_applicable with input.evidence as evidence(events, reports) with data.params as params
}

test_success_not_applicable_without_events if {
	policy.not_applicable with input.evidence as evidence([], []) with data.params as params
}

test_fail_event_without_report if {
	reports := [report("SR1", "E1", "2025-11-14T10:00:00+08:00")]
	policy.deny == {{
		"msg": "no special service report for major_event E2 (E2, started 2026-02-15T00:00:00+08:00) [6.3.3]",
		"evidence": "d.json#/special_events/1",
		"event_id": "E2", "type": "major_event",
	}} with input.evidence as evidence(events, reports) with data.params as params
}

test_fail_report_dated_before_the_event_does_not_count if {
	reports := [report("SR1", "E1", "2025-11-01T10:00:00+08:00"), report("SR2", "E2", "2026-02-26T10:00:00+08:00")]
	{v.event_id | some v in policy.deny} == {"E1"} with input.evidence as evidence(events, reports) with data.params as params
}
