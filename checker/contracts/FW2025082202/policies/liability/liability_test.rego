package contract.liability_test

import data.contract.liability

systems := [{"id": "S1"}, {"id": "S2"}, {"id": "S3"}, {"id": "S4"}, {"id": "S5"}, {"id": "S6"}, {"id": "S7"}]

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"systems": systems,
	"sla": {"availability_percent": "99.99", "scale_out_days": 7},
	"baseline": {"monitoring_max_gap_minutes": 5},
	"force_majeure": {"notice_within_hours": 24, "proof_within_days": 15, "proof_issuer_kinds": ["government", "notary"], "written_forms": ["letter", "email", "fax"]},
	"deliverables": {"monthly_report_due_day": 10},
	"acceptance": {"within_working_days": 20, "fix_within_days": 15},
	"duties": {"ordered_exit_migration_days": 10, "confidential_return_days": 5},
	"services": {"2.2.1.1": {"quantity": 1, "unit": "host"}, "2.2.1.2": {"quantity": 1, "unit": "host"}},
	"instalments": [
		{"id": "7.2.1", "share_percent": "60", "amount_cny": "600.00", "due_working_days": 3, "after": "effective_date"},
		{"id": "7.2.2", "share_percent": "40", "amount_cny": "400.00", "due_working_days": 2, "after": "acceptance"},
	],
	"payments": {"fiscal_pay_within_working_days": 1, "deduction_must_equal_ledger": false},
	"liability": {
		"deduct_from": "7.2.2", "force_majeure_proof_days": 15, "assessments_failed_in_a_row": 3,
		"termination": {"mishandled_notices_at_least": 2, "promised_ops_staff": 6, "short_staff_months": 2},
		"late_per_day_percent": "0.1", "party_a_late_percent": "0.01", "party_a_late_per_day": false,
		"confidentiality_percent": "20", "b_events_to_terminate": 3, "scale_out_notice_days": 7,
		"annex1": {
			"interruption_at_least_minutes": 120, "a_share_over_percent": 30, "a_people_at_least": 500000,
			"a_loss_at_least_cny": "5000000.00", "b_share_over_percent": 10, "b_people_at_least": 100000,
			"b_loss_at_least_cny": "1000000.00", "tampering_at_least_minutes": 30, "data_loss_over_months": 1,
			"data_loss_a_over_systems": 3, "intrusion_handling_hours": 24,
		},
		"outage": {"complaints_at_least": 3, "single_at_least_minutes": 120, "repeated_at_least": 3, "consecutive_within_hours": 24, "total_at_least_minutes": 480},
		"bands": {
			"response": [{"over": 15, "up_to": 30, "major": "A2.7", "minor": "A3.8"}, {"over": 30, "up_to": 60, "major": "A2.8", "minor": "A3.9"}],
			"recovery": [{"over": 30, "up_to": 60, "major": "A2.9", "minor": "A3.10"}],
			"unattended": [{"over": 60, "up_to": 120, "major": "A2.11", "minor": "A3.12"}],
		},
		"rows": {r: {"coefficient_percent": "1", "zh": ""} | some r in ["A2.1", "A2.2", "A2.3", "A2.6", "A2.7", "A3.1", "A3.3", "A3.4", "A3.5", "A3.6", "A3.7", "A3.8", "A3.9", "A3.10", "A3.12"]},
	},
}

# working days for the tests: Monday-Friday, except the National Day holiday 2025-10-01..08
_day_ns := ((24 * 60) * 60) * 1000000000

calendar := {"source": "test", "first_day": "2025-01-01", "last_day": "2026-12-31", "working_days": [d |
	some i in numbers.range(0, 700)
	t := time.parse_rfc3339_ns("2025-01-01T00:00:00Z") + (i * _day_ns)
	time.weekday(t) in {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	d := time.format([t, "UTC", "2006-01-02"])
	not d in {"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"}
]}

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
		interruption("c", ["S1", "S2", "S3"], "2025-10-03T10:00:00+08:00", 119), # under 2 h: none
		object.union(interruption("d", ["S1", "S2", "S3"], "2025-10-04T10:00:00+08:00", 300), fm_proved),
	]
	{[l.incident_id, l.level] | some l in liability.levels} == {["a", "A"], ["b", "B"]} with input.evidence as object.union(incidents(list), fm_claims) with data.params as params with data.calendar as calendar
	{t.row | some t in liability.termination} == {"12.1"} with input.evidence as object.union(incidents(list), fm_claims) with data.params as params with data.calendar as calendar
}

# 14.3 (policies/lib/excuse.rego decides): a claim with a written notice at once and a proof of
# a government body within 15 天 of 2025-10-04 (10-19, a Sunday: moved to Mon 10-20)
fm_proved := {"force_majeure": true, "force_majeure_id": "FM-OK"}

_claim(id, notice_at, proof_on) := {
	"claim_id": id, "claimed_by_role": "party_b",
	"event": {"type": "flood", "occurred_at": "2025-10-04T09:00:00+08:00", "description": "flood"},
	"notice": {"delivered_at": notice_at, "to_role": "party_a", "form": "letter", "reference": "N"},
	"proof": {"issuer_kind": "government", "issuer_role": "district government", "issued_on": proof_on, "delivered_at": sprintf("%sT10:00:00+08:00", [proof_on]), "reference": "P"},
}

fm_claims := {"force_majeure": [{"path": "fm.json", "data": {"kind": "force_majeure", "as_of": "2026-09-03T00:00:00+08:00", "claims": [
	_claim("FM-OK", "2025-10-04T12:00:00+08:00", "2025-10-20"),
	_claim("FM-LATE", "2025-10-04T12:00:00+08:00", "2025-10-21"),
	_claim("FM-NN", "2025-10-06T12:00:00+08:00", "2025-10-20"), # notice 51 h later: not at once
]}}]}

test_success_interruption_of_exactly_two_hours_is_graded if {
	# 2小时以上 includes 2 h: 120 min graded (A1.1 and A1.5), 119 min not
	list := [interruption("a", ["S1", "S2", "S3"], "2025-10-01T10:00:00+08:00", 120), interruption("b", ["S1"], "2025-10-02T10:00:00+08:00", 120), interruption("c", ["S1"], "2025-10-03T10:00:00+08:00", 119)]
	{[l.incident_id, l.rows] | some l in liability.levels} == {["a", ["A1.1", "A1.5"]], ["b", ["A1.5"]]} with input.evidence as incidents(list) with data.params as params with data.calendar as calendar
}

test_fail_force_majeure_flag_without_notice_and_proof_excuses_nothing if {
	late_proof := {"force_majeure": true, "force_majeure_id": "FM-LATE"}
	no_notice := {"force_majeure": true, "force_majeure_id": "FM-NN"}
	list := [
		object.union(interruption("flag", ["S1"], "2025-10-04T10:00:00+08:00", 300), {"force_majeure": true}),
		object.union(interruption("late", ["S1"], "2025-10-04T10:00:00+08:00", 300), late_proof),
		object.union(interruption("nonotice", ["S1"], "2025-10-04T10:00:00+08:00", 300), no_notice),
		object.union(interruption("ok", ["S1"], "2025-10-04T10:00:00+08:00", 300), fm_proved),
	]
	{l.incident_id | some l in liability.levels} == {"flag", "late", "nonotice"} with input.evidence as object.union(incidents(list), fm_claims) with data.params as params with data.calendar as calendar
}

test_success_backup_dependency_below_level_b_is_a2_2_only if {
	below := object.union(interruption("x", ["S1"], "2025-10-01T10:00:00+08:00", 119), {"category": "backup_dependency"})
	at_b := object.union(interruption("y", ["S1"], "2025-10-02T10:00:00+08:00", 120), {"category": "backup_dependency"})
	ev := incidents([below, at_b])
	{[r.event, r.row] | some r in liability.rows} == {["x", "A2.2"]} with input.evidence as ev with data.params as params with data.calendar as calendar
	{[l.incident_id, l.level] | some l in liability.levels} == {["y", "B"]} with input.evidence as ev with data.params as params with data.calendar as calendar
}

notice(id, by, ground, due, done, incs) := {"notice_id": id, "issued_by_role": by, "issued_at": "2025-11-01T10:00:00+08:00", "subject": "s", "system_ids": ["S2"], "due_at": due, "done_at": done, "handled_properly": null, "incident_ids": incs, "ground": ground}

notices(list) := {"rectification_notices": [{"path": "n.json", "data": {"kind": "rectification_notices", "as_of": "2026-09-03T00:00:00+08:00", "notices": list}}]}

test_fail_supervision_notice_mishandled_then_a_problem_is_a3_7 if {
	inc := interruption("i1", ["S2"], "2025-11-20T10:00:00+08:00", 30)
	list := [
		notice("sp", "supervision_provider", "other", "2025-11-10T18:00:00+08:00", "2025-11-12T09:00:00+08:00", ["i1"]),
		notice("pa", "party_a", "other", "2025-11-10T18:00:00+08:00", "2025-11-12T09:00:00+08:00", ["i1"]),
	]
	ev := object.union(notices(list), incidents([inc]))
	{[r.event, r.row, object.get(r, "days", 0)] | some r in liability.rows} == {["rectification:sp", "A3.7", 0], ["rectification:sp", "12.5", 2], ["rectification:pa", "12.5", 2]} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_supervision_notice_done_on_time_is_no_row if {
	inc := interruption("i1", ["S2"], "2025-11-20T10:00:00+08:00", 30)
	ev := object.union(notices([notice("sp", "supervision_provider", "other", "2025-11-10T18:00:00+08:00", "2025-11-10T18:00:00+08:00", ["i1"])]), incidents([inc]))
	count(liability.rows) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

assessment(month, passed) := {"month": month, "system_ids": ["S3"], "passed": passed, "assessed_by_role": "party_a", "assessed_on": "2026-01-05"}

test_fail_three_failed_assessments_then_a_missed_deadline_is_a3_3 if {
	a := [assessment("2025-10", false), assessment("2025-11", false), assessment("2025-12", false)]
	demand := object.union(notice("d", "party_a", "A3.3", "2026-01-20T18:00:00+08:00", null, []), {"issued_at": "2026-01-06T10:00:00+08:00"})
	ev := object.union(notices([demand]), {"monthly_assessments": [{"path": "m.json", "data": {"kind": "monthly_assessments", "as_of": "2026-09-03T00:00:00+08:00", "assessments": a}}]})
	{[r.row, r.system_ids] | some r in liability.rows; r.row == "A3.3"} == {["A3.3", ["S3"]]} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_two_failed_assessments_are_no_a3_3 if {
	a := [assessment("2025-10", false), assessment("2025-11", true), assessment("2025-12", false)]
	demand := object.union(notice("d", "party_a", "A3.3", "2026-01-20T18:00:00+08:00", null, []), {"issued_at": "2026-01-06T10:00:00+08:00"})
	ev := object.union(notices([demand]), {"monthly_assessments": [{"path": "m.json", "data": {"kind": "monthly_assessments", "as_of": "2026-09-03T00:00:00+08:00", "assessments": a}}]})
	count({r | some r in liability.rows; r.row == "A3.3"}) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

staffing(counts, attendance) := {"ops_staffing": [{"path": "o.json", "data": {"kind": "ops_staffing", "as_of": "2026-09-03T00:00:00+08:00", "monthly_counts": counts, "key_staff_attendance": attendance}}]}

test_fail_two_short_months_and_a_missed_demand_open_12_4_3 if {
	counts := [{"month": "2025-10", "ops_staff": 5, "confirmed_by_role": "party_a"}, {"month": "2025-11", "ops_staff": 5, "confirmed_by_role": "party_a"}]
	demand := object.union(notice("d", "party_a", "12.4.3", "2025-12-20T18:00:00+08:00", null, []), {"issued_at": "2025-12-05T10:00:00+08:00"})
	ev := object.union(staffing(counts, []), notices([demand]))
	{t.row | some t in liability.termination} == {"12.4.3"} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_promised_staff_reached_in_one_of_two_months if {
	counts := [{"month": "2025-10", "ops_staff": 5, "confirmed_by_role": "party_a"}, {"month": "2025-11", "ops_staff": 6, "confirmed_by_role": "party_a"}]
	demand := object.union(notice("d", "party_a", "12.4.3", "2025-12-20T18:00:00+08:00", null, []), {"issued_at": "2025-12-05T10:00:00+08:00"})
	count(liability.termination) == 0 with input.evidence as object.union(staffing(counts, []), notices([demand])) with data.params as params with data.calendar as calendar
}

test_fail_key_staff_absent_at_a_major_event_opens_12_4_2 if {
	events := {"major_events": [{"path": "e.json", "data": {"kind": "major_events", "events": [{"event_id": "E1", "title": "t", "start": "2025-10-01T00:00:00+08:00", "end": "2025-10-08T00:00:00+08:00"}]}}]}
	att := [{"event_id": "E1", "staff_id": "K1", "role": "key", "promised": true, "present": false}]
	demand := object.union(notice("d", "party_a", "12.4.2", "2025-10-20T18:00:00+08:00", null, []), {"issued_at": "2025-10-09T10:00:00+08:00"})
	ev := object.union(object.union(events, staffing([], att)), notices([demand]))
	{t.row | some t in liability.termination} == {"12.4.2"} with input.evidence as ev with data.params as params with data.calendar as calendar
	# the same absence with the demand met in time opens nothing
	met := object.union(demand, {"done_at": "2025-10-15T10:00:00+08:00", "handled_properly": true})
	count(liability.termination) == 0 with input.evidence as object.union(object.union(events, staffing([], att)), notices([met])) with data.params as params with data.calendar as calendar
}

test_fail_repeated_mishandled_notices_then_a_b_event_open_12_4_1 if {
	inc := interruption("b", ["S1"], "2025-12-01T10:00:00+08:00", 180)
	list := [
		notice("n1", "supervision_provider", "other", "2025-11-10T18:00:00+08:00", null, []),
		notice("n2", "supervision_provider", "other", "2025-11-10T18:00:00+08:00", null, ["b"]),
		object.union(notice("d", "party_a", "12.4.1", "2025-12-20T18:00:00+08:00", null, []), {"issued_at": "2025-12-05T10:00:00+08:00"}),
	]
	ev := object.union(notices(list), incidents([inc]))
	{t.row | some t in liability.termination} == {"12.4.1"} with input.evidence as ev with data.params as params with data.calendar as calendar
	# one mishandled notice is not 多次
	count({t | some t in liability.termination; t.row == "12.4.1"}) == 0 with input.evidence as object.union(notices(array.slice(list, 1, 3)), incidents([inc])) with data.params as params with data.calendar as calendar
}

test_fail_return_of_material_late_after_a_holiday_deadline if {
	# received 2025-09-28: 5 日 end on 10-03 (holiday) -> moved to 10-09; returned 10-10: 1 day late
	reqs := [{"request_id": "r1", "received_at": "2025-09-28T10:00:00+08:00", "written": true, "material": "m", "returned_at": "2025-10-10T10:00:00+08:00"},
		{"request_id": "r2", "received_at": "2025-09-28T10:00:00+08:00", "written": true, "material": "m", "returned_at": "2025-10-09T10:00:00+08:00"}]
	ev := {"confidentiality": [{"path": "c.json", "data": {"kind": "confidentiality", "as_of": "2026-09-03T00:00:00+08:00", "staff": [], "return_requests": reqs}}]}
	[[r.event, r.days] | some r in liability.rows] == [["late:15.5:r1", 1]] with input.evidence as ev with data.params as params with data.calendar as calendar
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

test_fail_mean_response_band_without_any_incident_citing_a_ticket if {
	# no incident at all: the group's row is still there, unlinked, citing its first ticket
	list := [
		ticket("t1", "S2", "2025-09-10T10:00:00+08:00", "2025-09-10T10:10:00+08:00"),
		ticket("t2", "S2", "2025-09-11T10:00:00+08:00", "2025-09-11T10:30:00+08:00"),
	]
	[[r.event, r.row, r.links, r.evidence] | some r in liability.rows; startswith(r.event, "response")] == [["response:S2:2025-09", "A3.8", [], "t.json#/tickets/0"]] with input.evidence as tickets(list) with data.params as params
}

test_fail_mean_response_per_system_and_month_keeps_the_first_ticket_of_each if {
	# tickets of two systems and two service months interleaved: four groups, each citing
	# its own first ticket (2025-10-03 opens the second service month)
	list := [
		ticket("a1", "S2", "2025-09-10T10:00:00+08:00", "2025-09-10T10:20:00+08:00"),
		ticket("b1", "S3", "2025-09-11T10:00:00+08:00", "2025-09-11T10:20:00+08:00"),
		ticket("a2", "S2", "2025-10-03T00:00:00+08:00", "2025-10-03T00:20:00+08:00"),
		ticket("a3", "S2", "2025-09-12T10:00:00+08:00", "2025-09-12T10:20:00+08:00"),
		ticket("b2", "S3", "2025-10-05T10:00:00+08:00", "2025-10-05T10:20:00+08:00"),
	]
	{[r.event, r.evidence, r.why] | some r in liability.rows; startswith(r.event, "response")} == {
		["response:S2:2025-09", "t.json#/tickets/0", "mean response 20 min over 2 tickets in 2025-09"],
		["response:S3:2025-09", "t.json#/tickets/1", "mean response 20 min over 1 tickets in 2025-09"],
		["response:S2:2025-10", "t.json#/tickets/2", "mean response 20 min over 1 tickets in 2025-10"],
		["response:S3:2025-10", "t.json#/tickets/4", "mean response 20 min over 1 tickets in 2025-10"],
	} with input.evidence as tickets(list) with data.params as params
}

test_fail_scale_out_after_written_notice if {
	req := {"request_id": "q1", "system_id": "S4", "requested_at": "2025-11-01T10:00:00+08:00", "completed_at": "2025-11-20T10:00:00+08:00", "written_notice_at": "2025-11-09T10:00:00+08:00", "written_notice_by_role": "cloud_management_unit"}
	ok := {"request_id": "q2", "system_id": "S4", "requested_at": "2025-11-01T10:00:00+08:00", "completed_at": "2025-11-16T10:00:00+08:00", "written_notice_at": "2025-11-09T10:00:00+08:00", "written_notice_by_role": "cloud_management_unit"}
	ev := {"scale_out": [{"path": "s.json", "data": {"kind": "scale_out", "as_of": "2026-09-03T00:00:00+08:00", "requests": [req, ok]}}]}
	{[r.event, r.row] | some r in liability.rows} == {["scale_out:q1", "A3.4"], ["scale_out:q1", "12.5"], ["scale_out:q2", "12.5"]} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_late_monthly_report_counts_days if {
	# 2025-09 due 2025-10-10 (end of day); delivered 2025-10-13 09:00 -> 3 days (2 d 9 h, rounded up)
	reports := [{"doc_id": "m1", "title": "m", "month": "2025-09", "delivered_at": "2025-10-13T09:00:00+08:00"}]
	ev := {"deliverables": [{"path": "d.json", "data": {"kind": "deliverables", "as_of": "2025-10-31T00:00:00+08:00", "implementation_plan": {"doc_id": "p", "delivered_at": "2025-09-01T10:00:00+08:00"}, "monthly_reports": reports}}]}
	[[r.event, r.days] | some r in liability.rows] == [["late:6.3.2:2025-09", 3]] with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_implementation_plan_late_and_a_missing_one_counts_to_as_of if {
	ev := {"deliverables": [{"path": "d.json", "data": {"kind": "deliverables", "as_of": "2025-09-13T00:00:00+08:00", "implementation_plan": {"doc_id": "p", "delivered_at": "2025-09-05T10:00:00+08:00"}, "monthly_reports": []}}]}
	[[r.event, r.days] | some r in liability.rows] == [["late:6.3.1", 2]] with input.evidence as ev with data.params as params with data.calendar as calendar
	none := {"deliverables": [{"path": "d.json", "data": {"kind": "deliverables", "as_of": "2025-09-13T00:00:00+08:00", "implementation_plan": null, "monthly_reports": []}}]}
	[[r.event, r.days] | some r in liability.rows] == [["late:6.3.1", 10]] with input.evidence as none with data.params as params with data.calendar as calendar
}

signing := {"signatures": [{"party": "party_a", "signed_on": "2025-09-03", "sealed": true}, {"party": "party_b", "signed_on": "2025-09-03", "sealed": true}]}

payments(invoices, pays) := {"payments": [{"path": "p.json", "data": {"kind": "payments", "as_of": "2026-11-01T00:00:00+08:00", "contract_signing": signing, "invoices": invoices, "payments": pays}}]}

inv(on) := {"invoice_id": "I1", "instalment": "7.2.1", "issued_on": on, "amount_cny": "600.00", "meets_requirements": true}

pay(on) := {"payment_id": "P1", "instalment": "7.2.1", "paid_on": on, "amount_cny": "600.00", "invoice_id": "I1"}

# effective Wed 2025-09-03; 3 working days: Thu 04, Fri 05, Mon 08 -> due 2025-09-08
test_success_party_a_paying_on_time_owes_nothing if {
	count(liability.party_a_rows) == 0 with input.evidence as payments([inv("2025-09-04")], [pay("2025-09-08")]) with data.params as params with data.calendar as calendar
}

test_fail_party_a_late_payment if {
	[[r.row, r.days, r.percent] | some r in liability.party_a_rows] == [["12.6", 2, "0.01"]] with input.evidence as payments([inv("2025-09-04")], [pay("2025-09-10")]) with data.params as params with data.calendar as calendar
}

test_success_without_a_compliant_invoice_party_a_is_not_late if {
	# invoiced 09-10 (after the deadline), paid the same day: not late (7.2(3))
	count(liability.party_a_rows) == 0 with input.evidence as payments([inv("2025-09-10")], [pay("2025-09-10")]) with data.params as params with data.calendar as calendar
	bad := object.union(inv("2025-09-04"), {"meets_requirements": false})
	count(liability.party_a_rows) == 0 with input.evidence as payments([bad], [pay("2025-09-30")]) with data.params as params with data.calendar as calendar
}

# ---- downtime rows (A2.1/A3.1, A3.2, A3.5, A3.6) and A3.4 --------------------------------
_ts(t) := time.format([t, "Asia/Shanghai", "2006-01-02T15:04:05Z07:00"])

down(id, sid, at, minutes) := {
	"outage_id": id, "system_ids": [sid], "started_at": at,
	"ended_at": _ts(time.parse_rfc3339_ns(at) + ((minutes * 60) * 1000000000)),
	"cause": "cloud_service", "planned": false,
}

outages(list) := {"outages": [{"path": "o.json", "data": {"kind": "outages", "as_of": "2026-09-03T00:00:00+08:00", "outages": list}}]}

# n outages of `minutes` each, every `hours` apart, from 2025-10-01 10:00
series(sid, n, minutes, hours) := [down(sprintf("o%d", [k]), sid, _ts(time.parse_rfc3339_ns("2025-10-01T10:00:00+08:00") + ((((k * hours) * 60) * 60) * 1000000000)), minutes) | some k in numbers.range(0, n - 1)]

downtime_rows(list) := x if {
	x := {[r.event, r.row, r.links] | some r in liability.rows} with input.evidence as outages(list) with data.params as params
}

test_fail_unrelated_outages_of_one_system_are_separate_events if {
	# before the fix both outages and the yearly rows were one event "downtime:S1"
	list := [down("o1", "S1", "2025-10-01T10:00:00+08:00", 130), down("o2", "S1", "2025-12-01T10:00:00+08:00", 130)]
	downtime_rows(list) == {["outage:o1", "A3.5", []], ["outage:o2", "A3.5", []], ["downtime:S1", "A3.1", []]}
}

test_fail_a3_5_at_exactly_two_hours if {
	# 2小时以上 includes 120 min (before the fix: > 120)
	["outage:o0", "A3.5", []] in downtime_rows(series("S1", 1, 120, 0))
}

test_success_a3_5_not_at_119_minutes if {
	got := downtime_rows(series("S1", 1, 119, 0))
	not ["outage:o0", "A3.5", []] in got
}

test_fail_a3_5_at_121_minutes if {
	["outage:o0", "A3.5", []] in downtime_rows(series("S1", 1, 121, 0))
}

test_fail_a3_6_at_exactly_eight_hours_in_total if {
	# 8 outages of 60 min, 30 days apart (not consecutive): 480 min, 累计8小时以上 includes it
	["downtime:S1", "A3.6", []] in downtime_rows(series("S1", 8, 60, 720))
}

test_success_a3_6_not_at_seven_hours_59 if {
	list := array.concat(series("S1", 7, 60, 720), [down("x", "S1", "2026-06-01T10:00:00+08:00", 59)])
	got := downtime_rows(list)
	not ["downtime:S1", "A3.6", []] in got
}

test_fail_a3_6_at_eight_hours_01 if {
	list := array.concat(series("S1", 7, 60, 720), [down("x", "S1", "2026-06-01T10:00:00+08:00", 61)])
	["downtime:S1", "A3.6", []] in downtime_rows(list)
}

test_fail_a3_6_three_consecutive_outages if {
	# three 10-minute outages, each starting 24 h after the previous one (23 h 50 min after it ended)
	["downtime:S1", "A3.6", []] in downtime_rows(series("S1", 3, 10, 24))
}

test_success_a3_6_three_outages_months_apart_are_not_consecutive if {
	# before the fix any three outages in the year matched 连续宕机3次以上
	got := downtime_rows(series("S1", 3, 10, 24 * 60))
	not ["downtime:S1", "A3.6", []] in got
}

test_success_a3_6_consecutive_boundary_of_the_window if {
	# gap between the end of one and the start of the next: exactly 24 h -> consecutive;
	# 24 h + 1 min -> the run breaks (two runs of 2)
	at := series("S1", 3, 10, 0)
	ok := [down("a", "S1", "2025-10-01T10:00:00+08:00", 10), down("b", "S1", "2025-10-02T10:10:00+08:00", 10), down("c", "S1", "2025-10-03T10:20:00+08:00", 10)]
	["downtime:S1", "A3.6", []] in downtime_rows(ok)
	broken := [down("a", "S1", "2025-10-01T10:00:00+08:00", 10), down("b", "S1", "2025-10-02T10:11:00+08:00", 10), down("c", "S1", "2025-10-03T10:21:00+08:00", 10)]
	got := downtime_rows(broken)
	not ["downtime:S1", "A3.6", []] in got
	count(at) == 3
}

test_success_overlapping_records_are_one_outage if {
	# three records that overlap are one outage, not three consecutive ones
	list := [down("a", "S1", "2025-10-01T10:00:00+08:00", 20), down("b", "S1", "2025-10-01T10:10:00+08:00", 20), down("c", "S1", "2025-10-01T10:20:00+08:00", 20)]
	got := downtime_rows(list)
	not ["downtime:S1", "A3.6", []] in got
}

test_fail_yearly_rows_join_the_incident_that_alone_caused_them if {
	list := [object.union(down("o1", "S1", "2025-10-01T10:00:00+08:00", 150), {"incident_id": "INC-1"}), down("o2", "S1", "2025-12-01T10:00:00+08:00", 10)]
	downtime_rows(list) == {["outage:o1", "A3.5", ["INC-1"]], ["downtime:S1", "A3.1", ["INC-1"]]}
}

test_fail_two_incidents_each_enough_do_not_merge_through_the_yearly_row if {
	list := [object.union(down("o1", "S1", "2025-10-01T10:00:00+08:00", 60), {"incident_id": "INC-1"}), object.union(down("o2", "S1", "2025-12-01T10:00:00+08:00", 60), {"incident_id": "INC-2"})]
	downtime_rows(list) == {["downtime:S1", "A3.1", []]}
}

fm_claim(issuer) := {"force_majeure": [{"path": "fm.json", "data": {"kind": "force_majeure", "as_of": "2026-09-03T00:00:00+08:00", "claims": [{
	"claim_id": "FM-1", "claimed_by_role": "party_b",
	"event": {"type": "flood", "occurred_at": "2025-10-13T09:00:00+08:00", "description": "flood"},
	"notice": {"delivered_at": "2025-10-13T10:00:00+08:00", "to_role": "party_a", "form": "letter", "reference": "N"},
	"proof": {"issuer_kind": issuer, "issuer_role": "district government", "issued_on": "2025-10-20", "delivered_at": "2025-10-20T10:00:00+08:00", "reference": "P"},
}]}}]}

fm_calendar := {"first_day": "2025-01-01", "last_day": "2025-12-31", "working_days": ["2025-10-28"]}

test_success_force_majeure_with_proof_is_not_fined if {
	o := object.union(down("f1", "S1", "2025-10-13T09:10:00+08:00", 300), {"cause": "force_majeure", "force_majeure_id": "FM-1"})
	count(liability.rows) == 0 with input.evidence as object.union(outages([o]), fm_claim("government")) with data.params as params with data.calendar as fm_calendar
}

test_fail_force_majeure_without_a_valid_proof_is_fined if {
	o := object.union(down("f1", "S1", "2025-10-13T09:10:00+08:00", 300), {"cause": "force_majeure", "force_majeure_id": "FM-1"})
	{[r.event, r.row] | some r in liability.rows} == {["downtime:S1", "A3.1"]} with input.evidence as object.union(outages([o]), fm_claim("party_b")) with data.params as params with data.calendar as fm_calendar
}

test_success_party_a_system_confirmed_by_party_a_is_not_fined if {
	o := object.union(down("p1", "S1", "2025-10-13T09:10:00+08:00", 300), {"cause": "party_a", "responsibility": {"confirmed_by_role": "party_a", "confirmed_at": "2025-10-14T10:00:00+08:00", "reference": "R"}})
	count(liability.rows) == 0 with input.evidence as outages([o]) with data.params as params
}

scale(requested, notice, by, completed) := {"scale_out": [{"path": "s.json", "data": {"kind": "scale_out", "as_of": "2026-09-03T00:00:00+08:00", "requests": [{"request_id": "q1", "system_id": "S4", "requested_at": requested, "completed_at": completed, "written_notice_at": notice, "written_notice_by_role": by}]}}]}

test_success_a3_4_done_on_the_seventh_natural_day if {
	# before the fix: 7 x 24 h from 10:00 (passed at 2025-11-08 10:00) and the notice's 7 x 24 h
	# (2025-11-08 12:00) had both passed at 20:00, so A3.4 matched
	ev := scale("2025-11-01T10:00:00+08:00", "2025-11-01T12:00:00+08:00", "cloud_management_unit", "2025-11-08T20:00:00+08:00")
	count(liability.rows) == 0 with input.evidence as ev with data.params as params
}

test_fail_a3_4_done_on_the_eighth_day_after_the_notice_limit if {
	# one event, two rows (12.3 fines it once at the heavier): A3.4 and 12.5's day late
	ev := scale("2025-11-01T10:00:00+08:00", "2025-11-01T12:00:00+08:00", "cloud_management_unit", "2025-11-09T08:00:00+08:00")
	{[r.event, r.row] | some r in liability.rows} == {["scale_out:q1", "A3.4"], ["scale_out:q1", "12.5"]} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_a3_4_needs_the_management_units_notice if {
	ev := scale("2025-11-01T10:00:00+08:00", "2025-11-01T12:00:00+08:00", "party_a", "2025-11-20T08:00:00+08:00")
	{r.row | some r in liability.rows} == {"12.5"} with input.evidence as ev with data.params as params with data.calendar as calendar
}

# 12.5 逾期交付使用: the contracted hosts (here 1 + 1) first all in service at once
_inv(hosts) := {"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "as_of": "2026-09-03T00:00:00+08:00", "hosts": hosts}}]}

_h(id, from, to) := {"host_id": id, "system_id": "S1", "in_service_from": from, "in_service_to": to}

test_success_a_replacement_entering_later_is_not_late_provision if {
	hosts := [
		_h("a", "2025-09-01T00:00:00+08:00", "2026-01-10T00:00:00+08:00"),
		_h("b", "2025-09-01T00:00:00+08:00", null),
		_h("c", "2026-01-10T00:00:00+08:00", null), # replaces a with no gap
	]
	not "late:provision" in {r.event | some r in liability.rows} with input.evidence as _inv(hosts) with data.params as params with data.calendar as calendar
}

test_fail_the_second_host_in_service_a_day_late_is_late_provision if {
	hosts := [_h("a", "2025-09-01T00:00:00+08:00", null), _h("b", "2025-09-04T00:00:00+08:00", null)]
	rows := {[r.event, r.days] | some r in liability.rows; r.row == "12.5"} with input.evidence as _inv(hosts) with data.params as params with data.calendar as calendar
	rows == {["late:provision", 1]}
}

# a host leaving at the instant another enters is not in service at that instant (windows
# [from, to)): x and a never count together, the two hosts are first in service at once
# when b enters; a host whose window is empty (it leaves before it enters) counts nowhere
test_fail_a_host_leaving_as_another_enters_is_not_counted_at_that_instant if {
	hosts := [
		_h("x", "2025-09-03T00:00:00+08:00", "2025-09-04T00:00:00+08:00"),
		_h("a", "2025-09-04T00:00:00+08:00", null),
		_h("e", "2025-09-05T00:00:00+08:00", "2025-09-04T12:00:00+08:00"),
		_h("b", "2025-09-06T00:00:00+08:00", null),
	]
	rows := {[r.event, r.days] | some r in liability.rows; r.row == "12.5"} with input.evidence as _inv(hosts) with data.params as params with data.calendar as calendar
	rows == {["late:provision", 3]}
}

test_success_all_hosts_at_the_start_is_on_time if {
	hosts := [_h("a", "2025-09-03T00:00:00+08:00", null), _h("b", "2025-09-03T00:00:00+08:00", null)]
	not "late:provision" in {r.event | some r in liability.rows} with input.evidence as _inv(hosts) with data.params as params with data.calendar as calendar
}
