package contract.sla.onsite_test

import data.contract.sla.onsite as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"sla": {"onsite_minutes": 60},
}

ticket(id, needed, arrived) := {"ticket_id": id, "system_id": "S3", "reported_at": "2025-10-01T09:00:00+08:00", "onsite_required": needed, "onsite_arrived_at": arrived}

evidence(tickets) := {"tickets": [{"path": "t.json", "data": {"kind": "tickets", "as_of": "2026-09-10T00:00:00+08:00", "tickets": tickets}}]}

test_success_on_site_within_the_hour if {
	tickets := [ticket("T1", true, "2025-10-01T09:55:00+08:00"), ticket("T2", false, null)]
	count(policy.deny) == 0 with input.evidence as evidence(tickets) with data.params as params
	not policy.not_applicable with input.evidence as evidence(tickets) with data.params as params
	policy.measure.expected == 1 with input.evidence as evidence(tickets) with data.params as params
}

test_success_not_applicable_when_nobody_needed_on_site if {
	tickets := [ticket("T1", false, null), ticket("T2", false, null)]
	policy.not_applicable with input.evidence as evidence(tickets) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence(tickets) with data.params as params
}

test_fail_a_later_request_for_presence_does_not_restart_the_clock if {
	# reading rule 7: on-site arrival is measured from the fault report (09:00), not from
	# the request for presence (10:45): 150 min
	t := object.union(ticket("T1", true, "2025-10-01T11:30:00+08:00"), {"onsite_requested_at": "2025-10-01T10:45:00+08:00"})
	{[v.ticket_id, v.minutes] | some v in policy.deny} == {["T1", 150]} with input.evidence as evidence([t]) with data.params as params
}

# boundary: 可在1小时内 includes 60:00 (以内, reading rule 1)
test_success_on_site_at_exactly_60_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("T1", true, "2025-10-01T10:00:00+08:00")]) with data.params as params
}

test_success_on_site_a_second_under_60_minutes if {
	count(policy.deny) == 0 with input.evidence as evidence([ticket("T1", true, "2025-10-01T09:59:59+08:00")]) with data.params as params
}

test_fail_on_site_a_second_over_60_minutes if {
	{v.ticket_id | some v in policy.deny} == {"T1"} with input.evidence as evidence([ticket("T1", true, "2025-10-01T10:00:01+08:00")]) with data.params as params
}

test_fail_on_site_after_85_minutes if {
	tickets := [ticket("T1", true, "2025-10-01T10:25:00+08:00")]
	policy.deny == {{
		"msg": "ticket T1 (S3): on site after 85 min, limit 60 min [3.8.c]",
		"evidence": "t.json#/tickets/0",
		"ticket_id": "T1", "system_id": "S3", "limit_minutes": 60, "minutes": 85,
	}} with input.evidence as evidence(tickets) with data.params as params
}

test_fail_needed_but_never_arrived if {
	tickets := [ticket("T1", true, null)]
	policy.deny == {{
		"msg": "ticket T1 (S3): no onsite_arrived_at, limit of 60 min passed [3.8.c]",
		"evidence": "t.json#/tickets/0",
		"ticket_id": "T1", "system_id": "S3", "limit_minutes": 60, "minutes": null,
	}} with input.evidence as evidence(tickets) with data.params as params
	not policy.not_applicable with input.evidence as evidence(tickets) with data.params as params
}
