package contract.liability_test

import data.contract.liability

systems := [{"id": "S1"}, {"id": "S2"}, {"id": "S3"}, {"id": "S4"}, {"id": "S5"}, {"id": "S6"}, {"id": "S7"}]

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"systems": systems,
	"sla": {"availability_percent": "99.99", "scale_out_days": 7},
	"deliverables": {"monthly_report_due_day": 10},
	"liability": {
		"late_per_day_percent": "0.1", "party_a_late_percent": "0.01", "party_a_late_per_day": false,
		"confidentiality_percent": "20", "b_events_to_terminate": 3, "scale_out_notice_days": 7,
		"annex1": {
			"interruption_over_minutes": 120, "a_share_over_percent": 30, "a_people_at_least": 500000,
			"a_loss_at_least_cny": "5000000.00", "b_share_over_percent": 10, "b_people_at_least": 100000,
			"b_loss_at_least_cny": "1000000.00", "tampering_at_least_minutes": 30, "data_loss_over_months": 1,
			"data_loss_a_over_systems": 3, "intrusion_handling_hours": 24,
		},
		"outage": {"complaints_at_least": 3, "single_over_minutes": 120, "repeated_at_least": 3, "total_over_minutes": 480},
		"bands": {
			"response": [{"over": 15, "up_to": 30, "major": "A2.7", "minor": "A3.8"}, {"over": 30, "up_to": 60, "major": "A2.8", "minor": "A3.9"}],
			"recovery": [{"over": 30, "up_to": 60, "major": "A2.9", "minor": "A3.10"}],
			"unattended": [{"over": 60, "up_to": 120, "major": "A2.11", "minor": "A3.12"}],
		},
		"rows": {r: {"coefficient_percent": "1", "zh": ""} | some r in ["A2.1", "A2.3", "A2.7", "A3.1", "A3.4", "A3.5", "A3.6", "A3.7", "A3.8", "A3.9", "A3.10", "A3.12"]},
	},
}

interruption(id, sids, at, minutes) := {
	"incident_id": id, "category": "service_interruption", "occurred_at": at,
	"ended_at": time.format([time.parse_rfc3339_ns(at) + ((minutes * 60) * 1000000000), "Asia/Shanghai", "2006-01-02T15:04:05Z07:00"]),
	"system_ids": sids, "provider_responsible": true, "force_majeure": false, "major_impact": false,
}

incidents(list) := {"incidents": [{"path": "i.json", "data": {"kind": "incidents", "as_of": "2026-09-03T00:00:00+08:00", "incidents": list}}]}

test_success_share_of_systems_grades_interruptions if {
	list := [
		interruption("a", ["S1", "S2", "S3"], "2025-10-01T10:00:00+08:00", 121), # 3/7 = 42.9% > 30%: A
		interruption("b", ["S1"], "2025-10-02T10:00:00+08:00", 121), # 1/7 = 14.3% > 10%: B
		interruption("c", ["S1", "S2", "S3"], "2025-10-03T10:00:00+08:00", 120), # not over 2 h: none
		object.union(interruption("d", ["S1", "S2", "S3"], "2025-10-04T10:00:00+08:00", 300), {"force_majeure": true}),
	]
	{[l.incident_id, l.level] | some l in liability.levels} == {["a", "A"], ["b", "B"]} with input.evidence as incidents(list) with data.params as params
	{t.row | some t in liability.termination} == {"12.1"} with input.evidence as incidents(list) with data.params as params
}

test_fail_three_b_events_within_a_year_open_12_2 if {
	list := [
		interruption("b1", ["S1"], "2025-10-01T10:00:00+08:00", 180),
		interruption("b2", ["S2"], "2026-01-01T10:00:00+08:00", 180),
		interruption("b3", ["S3"], "2026-09-01T10:00:00+08:00", 180),
	]
	liability.termination == {{"row": "12.2", "incident_ids": ["b1", "b2", "b3"], "reason": "3 B-level events within one year (Annex 1)"}} with input.evidence as incidents(list) with data.params as params
}

test_success_three_b_events_over_more_than_a_year_open_nothing if {
	list := [
		interruption("b1", ["S1"], "2025-09-03T10:00:00+08:00", 180),
		interruption("b2", ["S2"], "2026-01-01T10:00:00+08:00", 180),
		interruption("b3", ["S3"], "2026-09-03T10:00:00+08:00", 180),
	]
	count(liability.termination) == 0 with input.evidence as incidents(list) with data.params as params
}

ticket(id, sid, reported, responded) := {"ticket_id": id, "system_id": sid, "reported_at": reported, "responded_at": responded, "resolved_at": responded, "onsite_required": false}

tickets(list) := {"tickets": [{"path": "t.json", "data": {"kind": "tickets", "as_of": "2026-09-03T00:00:00+08:00", "tickets": list}}]}

test_fail_mean_response_band_major_when_an_incident_had_major_impact if {
	# S2 in service month 2025-09: responses 10 and 30 min, mean 20 (15, 30] -> A3.8;
	# the same mean on S3, whose ticket belongs to a major-impact incident -> A2.7
	list := [
		ticket("t1", "S2", "2025-09-10T10:00:00+08:00", "2025-09-10T10:10:00+08:00"),
		ticket("t2", "S2", "2025-09-11T10:00:00+08:00", "2025-09-11T10:30:00+08:00"),
		ticket("t3", "S3", "2025-09-12T10:00:00+08:00", "2025-09-12T10:20:00+08:00"),
	]
	major := object.union(interruption("m", ["S3"], "2025-09-12T10:00:00+08:00", 20), {"major_impact": true, "ticket_ids": ["t3"]})
	ev := object.union(tickets(list), incidents([major]))
	{[r.event, r.row] | some r in liability.rows; startswith(r.event, "response")} == {["response:S2:2025-09", "A3.8"], ["response:S3:2025-09", "A2.7"]} with input.evidence as ev with data.params as params
}

test_fail_scale_out_after_written_notice if {
	req := {"request_id": "q1", "system_id": "S4", "requested_at": "2025-11-01T10:00:00+08:00", "completed_at": "2025-11-20T10:00:00+08:00", "written_notice_at": "2025-11-09T10:00:00+08:00"}
	ok := {"request_id": "q2", "system_id": "S4", "requested_at": "2025-11-01T10:00:00+08:00", "completed_at": "2025-11-12T10:00:00+08:00", "written_notice_at": "2025-11-09T10:00:00+08:00"}
	ev := {"scale_out": [{"path": "s.json", "data": {"kind": "scale_out", "as_of": "2026-09-03T00:00:00+08:00", "requests": [req, ok]}}]}
	{[r.event, r.row] | some r in liability.rows} == {["scale_out:q1", "A3.4"]} with input.evidence as ev with data.params as params
}

test_fail_late_monthly_report_counts_days if {
	# 2025-09 due 2025-10-10 (end of day); delivered 2025-10-13 09:00 -> 3 days (2 d 9 h, rounded up)
	reports := [{"doc_id": "m1", "title": "m", "month": "2025-09", "delivered_at": "2025-10-13T09:00:00+08:00"}]
	ev := {"deliverables": [{"path": "d.json", "data": {"kind": "deliverables", "as_of": "2025-10-31T00:00:00+08:00", "monthly_reports": reports}}]}
	[[r.event, r.days] | some r in liability.rows] == [["late:6.3.2:2025-09", 3]] with input.evidence as ev with data.params as params
}

test_success_party_a_paying_on_time_owes_nothing if {
	pays := [{"instalment_id": "7.2.1", "paid_at": "2025-09-30T10:00:00+08:00", "due_by": "2025-09-30"}]
	ev := {"payments": [{"path": "p.json", "data": {"kind": "payments", "payments": pays}}]}
	count(liability.party_a_rows) == 0 with input.evidence as ev with data.params as params
}

test_fail_party_a_late_payment if {
	pays := [{"instalment_id": "7.2.1", "paid_at": "2025-10-02T10:00:00+08:00", "due_by": "2025-09-30"}]
	ev := {"payments": [{"path": "p.json", "data": {"kind": "payments", "payments": pays}}]}
	[[r.row, r.days, r.percent] | some r in liability.party_a_rows] == [["12.6", 2, "0.01"]] with input.evidence as ev with data.params as params
}
