package contract.deliverables.acceptance_application_test

import data.contract.deliverables.acceptance_application as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

labels := ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"]

doc(id, at) := {"doc_id": id, "title": id, "delivered_at": at}

monthly := [object.union(doc(sprintf("MR-%s", [m]), "2026-09-05T10:00:00+08:00"), {"month": m}) | some m in labels]

register(summary_at) := {"path": "d.json", "data": {
	"kind": "deliverables", "as_of": "2026-10-30T00:00:00+08:00",
	"implementation_plan": doc("PLAN", "2025-08-28T10:00:00+08:00"),
	"monthly_reports": monthly,
	"special_events": [],
	"special_reports": [object.union(doc("SR-1", "2025-11-20T10:00:00+08:00"), {"event_id": "E1"})],
	"summary_report": doc("SUM", summary_at),
}}

round(n, held_on, held_at) := {"round": n, "submitted_at": "2026-09-03T10:00:00+08:00", "held_on": held_on, "held_at": held_at, "result": "pass"}

app(n, at, written, by) := {"application_id": sprintf("APP-%d", [n]), "round": n, "submitted_at": at, "written": written, "received_by_role": by}

evidence(rounds, apps, summary_at) := {
	"acceptance": [{"path": "acc.json", "data": {"kind": "acceptance", "as_of": "2026-10-30T00:00:00+08:00", "rounds": rounds, "applications": apps}}],
	"deliverables": [register(summary_at)],
}

meeting := round(1, "2026-09-22", "2026-09-22T14:00:00+08:00")

test_success_written_application_and_all_materials_before_the_meeting if {
	ev := evidence([meeting], [app(1, "2026-09-03T10:00:00+08:00", true, "party_a")], "2026-09-22T13:59:00+08:00")
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_success_not_applicable_before_any_round if {
	policy.not_applicable with input.evidence as evidence([], [], "2026-09-11T10:00:00+08:00") with data.params as params
}

test_fail_no_application if {
	ev := evidence([meeting], [], "2026-09-11T10:00:00+08:00")
	policy.deny == {{"msg": "acceptance round 1 (held 2026-09-22) has no written application from Party B [6.1]", "evidence": "acc.json#/rounds/0"}} with input.evidence as ev with data.params as params
}

test_fail_application_not_written_or_not_to_party_a_or_at_the_meeting if {
	phoned := evidence([meeting], [app(1, "2026-09-03T10:00:00+08:00", false, "party_a")], "2026-09-11T10:00:00+08:00")
	policy.deny == {{"msg": "acceptance round 1: application APP-1 is not written (书面形式) [6.1]", "evidence": "acc.json#/applications/0"}} with input.evidence as phoned with data.params as params
	elsewhere := evidence([meeting], [app(1, "2026-09-03T10:00:00+08:00", true, "supervision_provider")], "2026-09-11T10:00:00+08:00")
	policy.deny == {{"msg": "acceptance round 1: application APP-1 was received by supervision_provider, not Party A [6.1]", "evidence": "acc.json#/applications/0"}} with input.evidence as elsewhere with data.params as params
	at_meeting := evidence([meeting], [app(1, "2026-09-22T14:00:00+08:00", true, "party_a")], "2026-09-11T10:00:00+08:00")
	policy.deny == {{"msg": "acceptance round 1: application APP-1 was submitted at 2026-09-22T14:00:00+08:00, not before the meeting of 2026-09-22T14:00:00+08:00 [6.1]", "evidence": "acc.json#/applications/0"}} with input.evidence as at_meeting with data.params as params
}

test_fail_summary_at_the_meeting_and_a_missing_monthly_report if {
	ev0 := evidence([meeting], [app(1, "2026-09-03T10:00:00+08:00", true, "party_a")], "2026-09-22T14:00:00+08:00")
	ev := json.patch(ev0, [{"op": "remove", "path": "/deliverables/0/data/monthly_reports/11"}])
	policy.deny == {
		{"msg": "summary report SUM delivered 2026-09-22T14:00:00+08:00, not before the first acceptance meeting of 2026-09-22T14:00:00+08:00 [6.1]", "evidence": "d.json#/summary_report", "doc_id": "SUM"},
		{"msg": "no monthly report for 2026-08 among the acceptance materials before the first acceptance meeting of 2026-09-22T14:00:00+08:00 [6.1]", "evidence": "d.json#/summary_report"},
	} with input.evidence as ev with data.params as params
}

test_fail_meeting_without_a_time_counts_from_00_00_of_its_day if {
	r := {"round": 1, "submitted_at": "2026-09-03T10:00:00+08:00", "held_on": "2026-09-22", "result": "pass"}
	ev := evidence([r], [app(1, "2026-09-03T10:00:00+08:00", true, "party_a")], "2026-09-22T08:00:00+08:00")
	{v.doc_id | some v in policy.deny} == {"SUM"} with input.evidence as ev with data.params as params
}
