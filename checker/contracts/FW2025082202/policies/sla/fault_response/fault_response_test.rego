package contract.sla.fault_response_test

import data.contract.sla.fault_response as policy
import data.contract.sla.tickets as tk

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"sla": {"response_minutes": 5},
}

ticket(id, reported, responded) := {"ticket_id": id, "system_id": "S1", "reported_at": reported, "responded_at": responded, "onsite_required": false}

evidence(tickets, as_of) := {"tickets": [{"path": "t.json", "data": {"kind": "tickets", "as_of": as_of, "tickets": tickets}}]}

after := "2026-09-10T00:00:00+08:00"

good := [
	ticket("T1", "2025-10-01T09:00:00+08:00", "2025-10-01T09:02:00+08:00"),
	ticket("T2", "2025-11-01T09:00:00+08:00", "2025-11-01T09:05:00+08:00"),
	ticket("T9", "2025-11-03T09:00:00+08:00", "2025-11-03T09:05:00+08:00"),
]

test_success_every_ticket_answered_within_limit if {
	count(policy.deny) == 0 with input.evidence as evidence(good, after) with data.params as params
	m := policy.measure with input.evidence as evidence(good, after) with data.params as params
	m.expected == 3
	m.actual == 3
	m.mean_minutes == 4
	m.worst_minutes == 5
	m.monthly_mean_minutes == {"2025-09": 2, "2025-10": 5, "2025-11": 5} # service months start on the 3rd
}

test_fail_answered_after_seven_minutes if {
	tickets := array.concat(good, [ticket("T3", "2025-12-01T09:00:00+08:00", "2025-12-01T09:07:00+08:00")])
	policy.deny == {{
		"msg": "ticket T3 (S1): responded after 7 min, limit 5 min [3.8.a]",
		"evidence": "t.json#/tickets/3",
		"ticket_id": "T3", "system_id": "S1", "limit_minutes": 5, "minutes": 7,
	}} with input.evidence as evidence(tickets, after) with data.params as params
}

test_fail_never_answered_ticket if {
	t := object.remove(ticket("T3", "2025-12-01T09:00:00+08:00", null), ["responded_at"])
	policy.deny == {{
		"msg": "ticket T3 (S1): no responded_at, limit of 5 min passed [3.8.a]",
		"evidence": "t.json#/tickets/3",
		"ticket_id": "T3", "system_id": "S1", "limit_minutes": 5, "minutes": null,
	}} with input.evidence as evidence(array.concat(good, [t]), after) with data.params as params
}

test_fail_null_response_is_open_too if {
	tickets := [ticket("T3", "2025-12-01T09:00:00+08:00", null)]
	count(policy.deny) == 1 with input.evidence as evidence(tickets, after) with data.params as params
}

test_success_unanswered_before_limit_is_pending if {
	tickets := [ticket("T3", "2025-12-01T09:00:00+08:00", null)]
	count(policy.deny) == 0 with input.evidence as evidence(tickets, "2025-12-01T09:03:00+08:00") with data.params as params
	policy.measure.pending == 1 with input.evidence as evidence(tickets, "2025-12-01T09:03:00+08:00") with data.params as params
}

test_fail_response_before_report if {
	tickets := [ticket("T4", "2025-12-01T09:00:00+08:00", "2025-12-01T08:50:00+08:00")]
	policy.deny == {{
		"msg": "ticket T4 (S1): responded_at is before the clock start (times out of order) [3.8.a]",
		"evidence": "t.json#/tickets/0",
		"ticket_id": "T4", "system_id": "S1", "limit_minutes": 5, "minutes": -10,
	}} with input.evidence as evidence(tickets, after) with data.params as params
}

test_success_ticket_outside_period_not_judged if {
	tickets := array.concat(good, [ticket("T0", "2025-09-02T23:00:00+08:00", "2025-09-02T23:30:00+08:00")])
	count(policy.deny) == 0 with input.evidence as evidence(tickets, after) with data.params as params
	policy.measure.excluded == 1 with input.evidence as evidence(tickets, after) with data.params as params
}

# boundaries: 5分钟内 includes 5:00 (以内, reading rule 1); one second either side
test_success_responded_at_exactly_5_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("B1", "2025-12-01T09:00:00+08:00", "2025-12-01T09:05:00+08:00")], after) with data.params as params
}

test_success_responded_a_second_under_5_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("B1", "2025-12-01T09:00:00+08:00", "2025-12-01T09:04:59+08:00")], after) with data.params as params
}

test_fail_responded_a_second_over_5_minutes if {
	{v.ticket_id | some v in policy.deny} == {"B1"} with input.evidence as evidence([ticket("B1", "2025-12-01T09:00:00+08:00", "2025-12-01T09:05:01+08:00")], after) with data.params as params
}

# the ticket helper's summary counts each state from one sorted list: no step, one step,
# and several steps of one state between others
test_success_summary_counts_the_states_of_no_one_and_several_steps if {
	none := tk.summary({}, "u") with input.evidence as {} with data.params as params
	[none.expected, none.actual, none.late, none.open, none.pending, none.out_of_order] == [0, 0, 0, 0, 0, 0]
	one := tk.summary({"a": {"state": "open", "limit": 5}}, "u") with input.evidence as {} with data.params as params
	[one.expected, one.actual, one.late, one.open, one.pending, one.out_of_order] == [1, 0, 0, 1, 0, 0]
	steps := {
		"a": {"state": "ok", "minutes": 1, "limit": 5}, "b": {"state": "late", "minutes": 9, "limit": 5},
		"c": {"state": "ok", "minutes": 2, "limit": 5}, "d": {"state": "pending", "limit": 5},
		"e": {"state": "order", "minutes": -1, "limit": 5}, "f": {"state": "open", "limit": 5},
		"g": {"state": "late", "minutes": 3, "limit": 5},
	}
	many := tk.summary(steps, "u") with input.evidence as {} with data.params as params
	[many.expected, many.actual, many.late, many.open, many.pending, many.out_of_order] == [7, 2, 2, 1, 1, 1]
}
