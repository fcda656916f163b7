package contract.sla.fault_handling_test

import data.contract.sla.fault_handling as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"sla": {"handling_minutes": 30},
}

ticket(id, reported, started) := {"ticket_id": id, "system_id": "S2", "reported_at": reported, "handling_started_at": started, "onsite_required": false}

evidence(tickets) := {"tickets": [{"path": "t.json", "data": {"kind": "tickets", "as_of": "2026-09-10T00:00:00+08:00", "tickets": tickets}}]}

test_success_handling_begun_within_thirty_minutes if {
	tickets := [ticket("T1", "2025-10-01T09:00:00+08:00", "2025-10-01T09:30:00+08:00"), ticket("T2", "2025-10-02T09:00:00+08:00", "2025-10-02T09:04:30+08:00")]
	count(policy.deny) == 0 with input.evidence as evidence(tickets) with data.params as params
	policy.measure.mean_minutes == 17.25 with input.evidence as evidence(tickets) with data.params as params
}

test_fail_handling_begun_after_41_minutes if {
	tickets := [ticket("T1", "2025-10-01T09:00:00+08:00", "2025-10-01T09:41:00+08:00")]
	policy.deny == {{
		"msg": "ticket T1 (S2): handling started after 41 min, limit 30 min [3.8.b]",
		"evidence": "t.json#/tickets/0",
		"ticket_id": "T1", "system_id": "S2", "limit_minutes": 30, "minutes": 41,
	}} with input.evidence as evidence(tickets) with data.params as params
}

test_fail_handling_never_started if {
	tickets := [ticket("T1", "2025-10-01T09:00:00+08:00", null)]
	policy.deny == {{
		"msg": "ticket T1 (S2): no handling_started_at, limit of 30 min passed [3.8.b]",
		"evidence": "t.json#/tickets/0",
		"ticket_id": "T1", "system_id": "S2", "limit_minutes": 30, "minutes": null,
	}} with input.evidence as evidence(tickets) with data.params as params
}

# boundaries: 30分钟之内 includes 30:00 (之内, reading rule 1); one second either side
test_success_handling_begun_at_exactly_30_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("B1", "2025-10-01T09:00:00+08:00", "2025-10-01T09:30:00+08:00")]) with data.params as params
}

test_success_handling_begun_a_second_under_30_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("B1", "2025-10-01T09:00:00+08:00", "2025-10-01T09:29:59+08:00")]) with data.params as params
}

test_fail_handling_begun_a_second_over_30_minutes if {
	{v.ticket_id | some v in policy.deny} == {"B1"} with input.evidence as evidence([ticket("B1", "2025-10-01T09:00:00+08:00", "2025-10-01T09:30:01+08:00")]) with data.params as params
}
