package contract.exit.switch_over_test

import data.contract.exit.switch_over as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"switch_over_months": 1}}

evidence(as_of, renewed, terminated, s) := {"exit_records": [{"path": "exit.json", "data": {"kind": "exit_records", "as_of": as_of, "provider_exit_requests": [], "ordered_exits": [], "renewed": renewed, "terminated_on": terminated, "switch_over": s}}]}

sw(done, charged) := {"started_at": "2026-09-03T09:00:00+08:00", "completed_at": done, "charged_cny": charged}

test_success_not_applicable_during_the_period if {
	policy.not_applicable with input.evidence as evidence("2026-08-01T00:00:00+08:00", false, null, null) with data.params as params
}

test_success_not_applicable_when_renewed if {
	policy.not_applicable with input.evidence as evidence("2026-11-01T00:00:00+08:00", true, null, null) with data.params as params
}

test_success_free_switch_over_on_the_last_day if {
	ev := evidence("2026-11-01T00:00:00+08:00", false, null, sw("2026-10-02T20:00:00+08:00", "0.00"))
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"from": "2026-09-02", "due": "2026-10-02"} with input.evidence as ev with data.params as params
}

test_fail_late_and_charged if {
	ev := evidence("2026-11-01T00:00:00+08:00", false, null, sw("2026-10-03T09:00:00+08:00", "12000.00"))
	policy.deny == {
		{"msg": "switch-over completed on 2026-10-03, after the switch-over period from 2026-09-02 ended on 2026-10-02 [13.3]", "evidence": "exit.json#/switch_over", "due": "2026-10-02"},
		{"msg": "Party B charged 12000.00 for the switch-over, which is free [13.3]", "evidence": "exit.json#/switch_over"},
	} with input.evidence as ev with data.params as params
}

test_fail_early_termination_without_switch_over if {
	ev := evidence("2026-06-10T00:00:00+08:00", false, "2026-05-06", null)
	policy.deny == {{"msg": "no switch-over record; the switch-over period from 2026-05-06 ended on 2026-06-06 [13.3]", "evidence": "exit.json#/switch_over"}} with input.evidence as ev with data.params as params
}
