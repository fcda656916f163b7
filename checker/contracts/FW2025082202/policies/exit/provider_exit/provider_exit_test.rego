package contract.exit.provider_exit_test

import data.contract.exit.provider_exit as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"exit_notice_months": 6}}

req(id, at, written) := {"request_id": id, "submitted_at": at, "written": written}

evidence(requests) := {"exit_records": [{"path": "exit.json", "data": {"kind": "exit_records", "as_of": "2026-09-10T00:00:00+08:00", "provider_exit_requests": requests, "ordered_exits": [], "renewed": false, "terminated_on": null, "switch_over": null}}]}

test_success_not_applicable_without_requests if {
	policy.not_applicable with input.evidence as evidence([]) with data.params as params
}

test_success_request_on_the_last_allowed_day if {
	# the period ends 2026-09-02 24:00; six months before is 2026-03-02 24:00
	ev := evidence([req("EX-1", "2026-03-02T17:00:00+08:00", true)])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"requests": 1, "latest": "2026-03-02"} with input.evidence as ev with data.params as params
}

test_fail_request_one_day_late_and_oral if {
	ev := evidence([req("EX-1", "2026-03-03T09:00:00+08:00", true), req("EX-2", "2026-01-03T09:00:00+08:00", false)])
	policy.deny == {
		{"msg": "exit request EX-1 submitted on 2026-03-03, less than 6 months before the period ends on 2026-09-02 (latest 2026-03-02) [13.1]", "evidence": "exit.json#/provider_exit_requests/0"},
		{"msg": "exit request EX-2 is not written [13.1]", "evidence": "exit.json#/provider_exit_requests/1"},
	} with input.evidence as ev with data.params as params
}

left(id, approved, approved_at, migrated, left_at) := object.union(req(id, "2026-01-05T09:00:00+08:00", true), {"approved_by_party_a": approved, "approved_at": approved_at, "migration_completed_at": migrated, "left_at": left_at})

test_success_left_with_permission_after_migration if {
	ev := evidence([left("EX-1", true, "2026-01-20T10:00:00+08:00", "2026-06-30T18:00:00+08:00", "2026-06-30T18:00:00+08:00")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_success_request_not_granted_and_party_b_stays if {
	count(policy.deny) == 0 with input.evidence as evidence([left("EX-1", null, null, null, null)]) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence([left("EX-1", false, null, null, null)]) with data.params as params
}

test_fail_left_without_permission if {
	policy.deny == {{"msg": "Party B left at 2026-06-30T18:00:00+08:00 under exit request EX-1 without Party A's permission [13.1]", "evidence": "exit.json#/provider_exit_requests/0"}} with input.evidence as evidence([left("EX-1", false, null, "2026-06-30T10:00:00+08:00", "2026-06-30T18:00:00+08:00")]) with data.params as params
}

test_fail_left_before_permission_and_before_migration if {
	ev := evidence([left("EX-1", true, "2026-07-01T10:00:00+08:00", "2026-06-30T18:01:00+08:00", "2026-06-30T18:00:00+08:00"), left("EX-2", true, null, null, "2026-06-30T18:00:00+08:00")])
	policy.deny == {
		{"msg": "Party B left at 2026-06-30T18:00:00+08:00 under exit request EX-1, before Party A's permission of 2026-07-01T10:00:00+08:00 [13.1]", "evidence": "exit.json#/provider_exit_requests/0"},
		{"msg": "Party B left at 2026-06-30T18:00:00+08:00 under exit request EX-1; the migration was complete only at 2026-06-30T18:01:00+08:00 [13.1]", "evidence": "exit.json#/provider_exit_requests/0"},
		{"msg": "Party B left at 2026-06-30T18:00:00+08:00 under exit request EX-2; Party A's permission carries no date, so it is not shown to precede the exit [13.1]", "evidence": "exit.json#/provider_exit_requests/1"},
		{"msg": "Party B left at 2026-06-30T18:00:00+08:00 under exit request EX-2 before the migration and switch-over were complete [13.1]", "evidence": "exit.json#/provider_exit_requests/1"},
	} with input.evidence as ev with data.params as params
}
