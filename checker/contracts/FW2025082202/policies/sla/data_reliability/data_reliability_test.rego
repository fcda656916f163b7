package contract.sla.data_reliability_test

import data.contract.sla.data_reliability as policy

params := {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"sla": {"data_reliability_percent": "99.9999"},
	"systems": [{"id": "S1"}, {"id": "S2"}],
}

check(id, sid, result) := {"check_id": id, "system_id": sid, "checked_at": "2025-12-01T02:00:00+08:00", "result": result}

restore(id, sid, ok) := {"test_id": id, "system_id": sid, "tested_at": "2026-03-01T02:00:00+08:00", "succeeded": ok}

loss(id, sid, recovered) := {"event_id": id, "system_id": sid, "occurred_at": "2026-04-01T02:00:00+08:00", "recovered": recovered}

doc(checks, tests, losses) := {"data_reliability": [{"path": "d.json", "data": {"kind": "data_reliability", "as_of": "2026-09-03T00:00:00+08:00", "backup_checks": checks, "restore_tests": tests, "loss_events": losses}}]}

good := doc([check("c1", "S1", "ok"), check("c2", "S2", "ok")], [restore("r1", "S1", true), restore("r2", "S2", true)], [loss("l1", "S2", true)])

test_success_checked_restored_and_recovered if {
	count(policy.deny) == 0 with input.evidence as good with data.params as params
	policy.measure.loss_events == 1 with input.evidence as good with data.params as params
}

test_fail_unrecovered_loss_and_failed_restore if {
	ev := doc([check("c1", "S1", "ok"), check("c2", "S2", "ok")], [restore("r1", "S1", true), restore("r2", "S2", true), restore("r3", "S2", false)], [loss("l1", "S1", false)])
	policy.deny == {
		{"msg": "data of system S1 lost at 2026-04-01T02:00:00+08:00 not recovered (l1) [3.4.b]", "evidence": "d.json#/loss_events/0", "system_id": "S1"},
		{"msg": "restore test r3 of system S2 failed at 2026-03-01T02:00:00+08:00 [3.4.b]", "evidence": "d.json#/restore_tests/2", "system_id": "S2"},
	} with input.evidence as ev with data.params as params
	policy.unrecovered == {"S1"} with input.evidence as ev with data.params as params
}

test_fail_system_without_checks_or_successful_restore if {
	ev := doc([check("c1", "S1", "incomplete")], [restore("r1", "S1", true), restore("r2", "S2", false)], [])
	policy.deny == {
		{"msg": "backup check c1 of system S1: incomplete [3.4.b]", "evidence": "d.json#/backup_checks/0", "system_id": "S1"},
		{"msg": "restore test r2 of system S2 failed at 2026-03-01T02:00:00+08:00 [3.4.b]", "evidence": "d.json#/restore_tests/1", "system_id": "S2"},
		{"msg": "system S2: no backup check in the period [3.4.b]", "evidence": "d.json#/backup_checks", "system_id": "S2"},
		{"msg": "system S2: no successful restore test in the period [3.4.b]", "evidence": "d.json#/restore_tests", "system_id": "S2"},
	} with input.evidence as ev with data.params as params
}
