package contract.deliverables.special_reports_test

import data.contract.deliverables.special_reports as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

event(id, type, start) := {"event_id": id, "type": type, "title": id, "start": start, "end": start}

report(id, event_id, at) := {"doc_id": id, "title": "项目专项服务报告", "event_id": event_id, "delivered_at": at}

deliverables(events, reports) := [{"path": "d.json", "data": {"kind": "deliverables", "as_of": "2026-09-30T00:00:00+08:00", "implementation_plan": null, "monthly_reports": [], "special_events": events, "special_reports": reports, "summary_report": null}}]

evidence(events, reports) := {"deliverables": deliverables(events, reports)}

events := [event("E1", "drill", "2025-11-12T09:00:00+08:00"), event("E2", "major_event", "2026-02-15T00:00:00+08:00")]

drill(id, by, status) := {"drill_id": id, "plan_id": "EP-1", "title": id, "organised_by_role": by, "started_at": "2026-04-10T09:00:00+08:00", "ended_at": "2026-04-10T13:00:00+08:00", "status": status, "report_doc_id": "R"}

major(id, by) := {"event_id": id, "title": id, "start": "2026-03-04T00:00:00+08:00", "end": "2026-03-12T00:00:00+08:00", "declared_by": {"organisation_role": by, "role": "director"}, "declared_at": "2026-02-20T10:00:00+08:00"}

with_others(listed, reports, drills, majors) := {
	"deliverables": deliverables(listed, reports),
	"drills": [{"path": "dr.json", "data": {"kind": "drills", "as_of": "2026-09-30T00:00:00+08:00", "plans": [], "drills": drills}}],
	"major_events": [{"path": "me.json", "data": {"kind": "major_events", "events": majors}}],
}

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

test_fail_party_a_s_drill_and_declared_event_count_though_party_b_lists_neither if {
	# B lists nothing: A's drill and A's declared major event are owed a report all the same
	ev := with_others([], [], [drill("DR-9", "party_a", "completed")], [major("ME-9", "party_a")])
	policy.deny == {
		{"msg": "no special service report for drill DR-9 (DR-9, started 2026-04-10T09:00:00+08:00) [6.3.3]", "evidence": "dr.json#/drills/0", "event_id": "DR-9", "type": "drill"},
		{"msg": "no special service report for major_event ME-9 (ME-9, started 2026-03-04T00:00:00+08:00) [6.3.3]", "evidence": "me.json#/events/0", "event_id": "ME-9", "type": "major_event"},
	} with input.evidence as ev with data.params as params
}

test_success_reports_for_party_a_s_events_and_others_ignored if {
	# a cancelled drill, a drill B organised and an event B declared itself owe no report
	reports := [report("SR-DR", "DR-9", "2026-04-12T10:00:00+08:00"), report("SR-ME", "ME-9", "2026-03-13T10:00:00+08:00")]
	ev := with_others([], reports, [drill("DR-9", "party_a", "completed"), drill("DR-8", "party_a", "cancelled"), drill("DR-7", "party_b", "completed")], [major("ME-9", "party_a"), major("ME-8", "party_b")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure.expected == 2 with input.evidence as ev with data.params as params
}

test_success_an_event_listed_twice_is_one_event if {
	listed := [event("DR-9", "drill", "2026-04-10T09:00:00+08:00")]
	ev := with_others(listed, [], [drill("DR-9", "party_a", "completed")], [])
	policy.deny == {{"msg": "no special service report for drill DR-9 (DR-9, started 2026-04-10T09:00:00+08:00) [6.3.3]", "evidence": "d.json#/special_events/0", "event_id": "DR-9", "type": "drill"}} with input.evidence as ev with data.params as params
}
