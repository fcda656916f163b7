package contract.sla.fault_clearing_test

import data.contract.sla.fault_clearing as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"sla": {"fault_clear_minutes": 30, "fault_clear_important_minutes": 10},
	"systems": [{"id": "S1", "important": false}, {"id": "S5", "important": true}],
}

ticket(id, system, started, resolved) := {"ticket_id": id, "system_id": system, "reported_at": "2025-10-01T09:00:00+08:00", "handling_started_at": started, "resolved_at": resolved, "onsite_required": false}

evidence(tickets) := {"tickets": [{"path": "t.json", "data": {"kind": "tickets", "as_of": "2026-09-10T00:00:00+08:00", "tickets": tickets}}]}

good := [
	ticket("T1", "S1", "2025-10-01T09:10:00+08:00", "2025-10-01T09:28:00+08:00"), # 28 min from the report, other
	ticket("T2", "S5", "2025-10-01T09:05:00+08:00", "2025-10-01T09:09:00+08:00"), # 9 min, important
]

test_success_cleared_within_limits_by_importance if {
	count(policy.deny) == 0 with input.evidence as evidence(good) with data.params as params
	m := policy.measure with input.evidence as evidence(good) with data.params as params
	m.actual == 2
	m.worst_minutes_important == 9
	m.worst_minutes_other == 28
	m.mean_recovery_minutes == 18.5 # (28 + 9) / 2, from reported_at
}

test_fail_important_system_cleared_in_14_minutes if {
	tickets := [good[0], ticket("T3", "S5", "2025-10-01T09:05:00+08:00", "2025-10-01T09:14:00+08:00")]
	policy.deny == {{
		"msg": "ticket T3 (S5): located and cleared after 14 min, limit 10 min [3.10]",
		"evidence": "t.json#/tickets/1",
		"ticket_id": "T3", "system_id": "S5", "limit_minutes": 10, "minutes": 14,
	}} with input.evidence as evidence(tickets) with data.params as params
}

test_success_14_minutes_is_fine_for_an_ordinary_system if {
	tickets := [ticket("T3", "S1", "2025-10-01T09:05:00+08:00", "2025-10-01T09:14:00+08:00")]
	count(policy.deny) == 0 with input.evidence as evidence(tickets) with data.params as params
}

test_fail_unresolved_ticket if {
	tickets := [ticket("T4", "S1", "2025-10-01T09:05:00+08:00", null)]
	policy.deny == {{
		"msg": "ticket T4 (S1): no resolved_at, limit of 30 min passed [3.10]",
		"evidence": "t.json#/tickets/0",
		"ticket_id": "T4", "system_id": "S1", "limit_minutes": 30, "minutes": null,
	}} with input.evidence as evidence(tickets) with data.params as params
}

# reading rule 7: 故障定位排除 is measured from the fault report, not from the start of
# handling (before the fix: 09:25 -> 09:33 = 8 min, passed)
test_fail_clock_runs_from_the_report_not_from_the_start_of_handling if {
	tickets := [ticket("T7", "S5", "2025-10-01T09:25:00+08:00", "2025-10-01T09:33:00+08:00")]
	{[v.ticket_id, v.minutes] | some v in policy.deny} == {["T7", 33]} with input.evidence as evidence(tickets) with data.params as params
}

# boundaries: 不超过 includes the limit (reading rule 1); one second either side
test_success_important_cleared_at_exactly_10_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("B1", "S5", null, "2025-10-01T09:10:00+08:00")]) with data.params as params
}

test_success_important_cleared_a_second_under_10_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("B1", "S5", null, "2025-10-01T09:09:59+08:00")]) with data.params as params
}

test_fail_important_cleared_a_second_over_10_minutes if {
	{v.ticket_id | some v in policy.deny} == {"B1"} with input.evidence as evidence([ticket("B1", "S5", null, "2025-10-01T09:10:01+08:00")]) with data.params as params
}

test_success_other_cleared_at_exactly_30_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("B2", "S1", null, "2025-10-01T09:30:00+08:00")]) with data.params as params
}

test_success_other_cleared_a_second_under_30_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("B2", "S1", null, "2025-10-01T09:29:59+08:00")]) with data.params as params
}

test_fail_other_cleared_a_second_over_30_minutes if {
	{v.ticket_id | some v in policy.deny} == {"B2"} with input.evidence as evidence([ticket("B2", "S1", null, "2025-10-01T09:30:01+08:00")]) with data.params as params
}

test_fail_without_handling_start_the_clock_runs_from_the_report if {
	t := object.remove(ticket("T5", "S5", null, "2025-10-01T09:12:00+08:00"), ["handling_started_at"])
	policy.deny == {{
		"msg": "ticket T5 (S5): located and cleared after 12 min, limit 10 min [3.10]",
		"evidence": "t.json#/tickets/0",
		"ticket_id": "T5", "system_id": "S5", "limit_minutes": 10, "minutes": 12,
	}} with input.evidence as evidence([t]) with data.params as params
}

test_fail_unknown_system if {
	tickets := [ticket("T6", "S9", "2025-10-01T09:05:00+08:00", "2025-10-01T09:06:00+08:00")]
	policy.deny == {{
		"msg": "ticket T6: system S9 is not in the contract parameters, its clearing limit is unknown [3.10]",
		"evidence": "t.json#/tickets/0",
		"ticket_id": "T6", "system_id": "S9",
	}} with input.evidence as evidence(tickets) with data.params as params
}

# a system of the parameters without `important` has the ordinary limit and is in neither
# worst time; each importance keeps its own tickets
test_success_a_system_without_importance_has_the_ordinary_limit_and_no_worst if {
	p := object.union(params, {"systems": [{"id": "S1", "important": false}, {"id": "S5", "important": true}, {"id": "S9"}]})
	tickets := array.concat(good, [ticket("T9", "S9", "2025-10-01T09:05:00+08:00", "2025-10-01T09:29:00+08:00")])
	count(policy.deny) == 0 with input.evidence as evidence(tickets) with data.params as p
	m := policy.measure with input.evidence as evidence(tickets) with data.params as p
	[m.actual, m.worst_minutes_important, m.worst_minutes_other, m.worst_minutes] == [3, 9, 28, 29]
}
