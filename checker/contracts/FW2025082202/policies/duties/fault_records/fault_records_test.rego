package contract.duties.fault_records_test

import data.contract.duties.fault_records as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}, "duties": {"fault_report_within_hours": 72, "fault_progress_interval_minutes": 30}}

ticket(id, resolved, report, updates) := {"ticket_id": id, "system_id": "S1", "reported_at": "2025-10-01T10:00:00+08:00", "onsite_required": false, "resolved_at": resolved, "closing_report": report, "progress_updates": updates}

rep(at) := {"doc_id": "FR", "delivered_at": at}

upd := [{"at": "2025-10-01T10:10:00+08:00"}]

evidence(tickets) := {"tickets": [{"path": "t.json", "data": {"kind": "tickets", "as_of": "2026-09-10T00:00:00+08:00", "tickets": tickets}}]}

test_fail_cleared_ticket_reported_in_time_but_open_ticket_silent if {
	ev := evidence([
		ticket("T1", "2025-10-01T10:20:00+08:00", rep("2025-10-04T10:20:00+08:00"), upd),
		ticket("T2", null, null, upd),
	])
	count(policy.deny) == 1 with input.evidence as ev with data.params as params
	# T2 still open at the export time, its last update at 10:10 on 2025-10-01
	{v.evidence | some v in policy.deny; v.gap_minutes > 30} == {"t.json#/tickets/1"} with input.evidence as ev with data.params as params
	policy.measure == {"cleared_tickets": 1, "tickets": 2} with input.evidence as ev with data.params as params
}

test_fail_missing_late_and_early_report if {
	ev := evidence([
		ticket("T1", "2025-10-01T10:20:00+08:00", null, upd),
		ticket("T2", "2025-10-01T10:20:00+08:00", rep("2025-10-04T10:21:00+08:00"), upd),
		ticket("T3", "2025-10-01T10:20:00+08:00", rep("2025-10-01T10:19:00+08:00"), upd),
		ticket("T4", "2025-10-01T10:20:00+08:00", rep("2025-10-01T12:00:00+08:00"), []),
		ticket("T5", "2025-10-01T10:20:00+08:00", rep("2025-10-04T10:20:00+08:00"), []),
	])
	# T4 and T5 were open 20 minutes: no progress update owed
	policy.deny == {
		{"msg": "ticket T1 has no written fault report [9.13]", "evidence": "t.json#/tickets/0"},
		{"msg": "ticket T2 fault report FR came 73 hours after clearing (limit 72) [9.13]", "evidence": "t.json#/tickets/1"},
		{"msg": "ticket T3 fault report FR is dated 2025-10-01T10:19:00+08:00, before the fault was cleared at 2025-10-01T10:20:00+08:00 [9.13]", "evidence": "t.json#/tickets/2"},
	} with input.evidence as ev with data.params as params
}

open_for(id, minutes, updates) := object.union(ticket(id, time.format([time.parse_rfc3339_ns("2025-10-01T10:00:00+08:00") + (minutes * 60) * 1000000000, "Asia/Shanghai"]), rep("2025-10-02T10:00:00+08:00"), updates), {})

at(minutes) := {"at": time.format([time.parse_rfc3339_ns("2025-10-01T10:00:00+08:00") + (minutes * 60) * 1000000000, "Asia/Shanghai"])}

test_success_open_30_minutes_needs_no_update_and_updates_every_30_minutes_suffice if {
	ev := evidence([open_for("T1", 30, []), open_for("T2", 90, [at(30), at(60)]), open_for("T3", 61, [at(25), at(50)])])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_fail_open_31_minutes_without_an_update if {
	policy.deny == {{"msg": "ticket T1: 31 minutes without a progress report to Party A while the fault was open (interval 30) [9.13]", "evidence": "t.json#/tickets/0", "gap_minutes": 31}} with input.evidence as evidence([open_for("T1", 31, [])]) with data.params as params
}

test_fail_gap_between_updates_one_minute_too_long if {
	policy.deny == {{"msg": "ticket T1: 31 minutes without a progress report to Party A while the fault was open (interval 30) [9.13]", "evidence": "t.json#/tickets/0", "gap_minutes": 31}} with input.evidence as evidence([open_for("T1", 80, [at(20), at(51)])]) with data.params as params
}

# times out of order (cleared 31 minutes before the report): the span between the two is
# still judged as open time, as the sorted instants always did (the shortcut that skips a
# ticket open no longer than the interval measures that span both ways)
test_fail_cleared_31_minutes_before_its_report_is_judged_on_the_span if {
	{v.gap_minutes | some v in policy.deny} == {31} with input.evidence as evidence([open_for("T1", -31, [])]) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence([open_for("T1", -30, [])]) with data.params as params
}

# whole hours counted in exact integers (regorus's float quotient of 3000 h + 1 ns is 3000):
# with a limit of 3000 hours, a report at 3000 h is in time and one 1 ns later is late
long_limit := object.union(params, {"duties": {"fault_report_within_hours": 3000}})

test_success_report_at_exactly_3000_hours_is_in_time if {
	ev := evidence([ticket("T1", "2025-10-01T10:20:00+08:00", rep("2026-02-03T10:20:00+08:00"), upd)])
	count(policy.deny) == 0 with input.evidence as ev with data.params as long_limit
}

test_fail_report_one_nanosecond_after_3000_hours_is_late if {
	ev := evidence([ticket("T1", "2025-10-01T10:20:00+08:00", rep("2026-02-03T10:20:00.000000001+08:00"), upd)])
	policy.deny == {{"msg": "ticket T1 fault report FR came 3001 hours after clearing (limit 3000) [9.13]", "evidence": "t.json#/tickets/0"}} with input.evidence as ev with data.params as long_limit
}
