package contract.exit.ordered_exit_test

import data.contract.exit.ordered_exit as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"ordered_exit_migration_days": 10}}

# the official calendar of March 2026 (no holiday; weekends 03-07/08, 03-14/15)
calendar := {"source": "chinese-calendar (test slice)", "first_day": "2026-02-10", "last_day": "2026-03-20", "working_days": [
	"2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25", "2026-02-26",
	"2026-02-27", "2026-02-28", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09",
	"2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19",
	"2026-03-20",
]}

order(id, done, erased) := {"order_id": id, "ordered_at": "2026-03-01T10:00:00+08:00", "migration_requested_at": "2026-03-02T10:00:00+08:00", "migration_completed_at": done, "erasure": erased}

erasure(at) := {"completed_at": at, "method": "crypto-erase"}

evidence(as_of, orders) := {"exit_records": [{"path": "exit.json", "data": {"kind": "exit_records", "as_of": as_of, "provider_exit_requests": [], "ordered_exits": orders, "renewed": false, "terminated_on": null, "switch_over": null}}]}

test_success_not_applicable_without_an_order if {
	policy.not_applicable with input.evidence as evidence("2026-09-10T00:00:00+08:00", []) with data.params as params with data.calendar as calendar
}

test_success_migrated_on_day_10_then_erased if {
	ev := evidence("2026-09-10T00:00:00+08:00", [order("O1", "2026-03-12T18:00:00+08:00", erasure("2026-03-20T10:00:00+08:00"))])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_pending_before_the_deadline if {
	ev := evidence("2026-03-08T00:00:00+08:00", [order("O1", null, null)])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_late_migration_and_no_erasure if {
	ev := evidence("2026-09-10T00:00:00+08:00", [order("O1", "2026-03-13T09:00:00+08:00", null), order("O2", null, null), order("O3", "2026-03-05T09:00:00+08:00", erasure("2026-03-04T09:00:00+08:00"))])
	policy.deny == {
		{"msg": "exit O1: migration completed on 2026-03-13, 11 days after Party A's request (limit 10 天, due by 24:00 on 2026-03-12) [13.2]", "evidence": "exit.json#/ordered_exits/0", "days": 11, "due": "2026-03-12", "days_late": 1},
		{"msg": "exit O1: the old system data was not securely erased [13.2]", "evidence": "exit.json#/ordered_exits/0"},
		{"msg": "exit O2: migration not completed, due by 24:00 on 2026-03-12 [13.2]", "evidence": "exit.json#/ordered_exits/1"},
		{"msg": "exit O3: data erased at 2026-03-04T09:00:00+08:00, before the migration was complete at 2026-03-05T09:00:00+08:00 [13.2]", "evidence": "exit.json#/ordered_exits/2"},
	} with input.evidence as ev with data.params as params with data.calendar as calendar
}

order_on(id, requested, done) := object.union(order(id, done, erasure("2026-03-30T10:00:00+08:00")), {"migration_requested_at": requested})

test_success_last_day_on_a_saturday_moves_to_monday if {
	# requested 02-25: day 10 is Saturday 03-07; the period ends Monday 03-09 at 24:00
	ev := evidence("2026-09-10T00:00:00+08:00", [order_on("O1", "2026-02-25T10:00:00+08:00", "2026-03-10T00:00:00+08:00")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_last_day_in_the_spring_festival_moves_to_the_first_working_day if {
	# requested 02-10: day 10 is 02-20, a holiday; the period ends 02-24 at 24:00
	ev := evidence("2026-09-10T00:00:00+08:00", [order_on("O1", "2026-02-10T10:00:00+08:00", "2026-02-24T20:00:00+08:00")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_one_minute_after_24_00_of_the_moved_last_day if {
	ev := evidence("2026-09-10T00:00:00+08:00", [order_on("O1", "2026-02-25T10:00:00+08:00", "2026-03-10T00:01:00+08:00")])
	policy.deny == {{"msg": "exit O1: migration completed on 2026-03-10, 13 days after Party A's request (limit 10 天, due by 24:00 on 2026-03-09) [13.2]", "evidence": "exit.json#/ordered_exits/0", "days": 13, "due": "2026-03-09", "days_late": 1}} with input.evidence as ev with data.params as params with data.calendar as calendar
}
