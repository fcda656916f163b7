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
