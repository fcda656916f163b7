package contract.duties.fault_records_test

import data.contract.duties.fault_records as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}, "duties": {"fault_report_within_hours": 72}}

ticket(id, resolved, report, updates) := {"ticket_id": id, "system_id": "S1", "reported_at": "2025-10-01T10:00:00+08:00", "onsite_required": false, "resolved_at": resolved, "closing_report": report, "progress_updates": updates}

rep(at) := {"doc_id": "FR", "delivered_at": at}

upd := [{"at": "2025-10-01T10:10:00+08:00"}]

evidence(tickets) := {"tickets": [{"path": "t.json", "data": {"kind": "tickets", "as_of": "2026-09-10T00:00:00+08:00", "tickets": tickets}}]}

test_success_cleared_tickets_reported_in_time_and_open_ticket_pending if {
	ev := evidence([
		ticket("T1", "2025-10-01T10:20:00+08:00", rep("2025-10-04T10:20:00+08:00"), upd),
		ticket("T2", null, null, upd),
	])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"cleared_tickets": 1} with input.evidence as ev with data.params as params
}

test_fail_missing_late_and_early_report if {
	ev := evidence([
		ticket("T1", "2025-10-01T10:20:00+08:00", null, upd),
		ticket("T2", "2025-10-01T10:20:00+08:00", rep("2025-10-04T10:21:00+08:00"), upd),
		ticket("T3", "2025-10-01T10:20:00+08:00", rep("2025-10-01T10:19:00+08:00"), upd),
		ticket("T4", "2025-10-01T10:20:00+08:00", rep("2025-10-01T12:00:00+08:00"), []),
		ticket("T5", "2025-10-01T10:20:00+08:00", rep("2025-10-04T10:20:00+08:00"), []),
	])
	policy.deny == {
		{"msg": "ticket T1 has no written fault report [9.13]", "evidence": "t.json#/tickets/0"},
		{"msg": "ticket T2 fault report FR came 73 hours after clearing (limit 72) [9.13]", "evidence": "t.json#/tickets/1"},
		{"msg": "ticket T3 fault report FR is dated 2025-10-01T10:19:00+08:00, before the fault was cleared at 2025-10-01T10:20:00+08:00 [9.13]", "evidence": "t.json#/tickets/2"},
	} with input.evidence as ev with data.params as params
}
