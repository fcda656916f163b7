# METADATA
# title: Data reliability at least 99.9999%
# description: >-
#   第三条 4: 数据可靠性应不低于 sla.data_reliability_percent. A percentage this high cannot be
#   measured on one customer's data; the evidence that can show it is that no data was lost
#   beyond recovery and that backups restore. Fails on: a data-loss event in the period not
#   recovered; a failed restore test; a backup check that found the backup incomplete or
#   failed; an information system with no backup check or no successful restore test in
#   the period.
# custom:
#   clause: "3.4.b"
#   evidence: [data_reliability]
#   severity: high
package contract.sla.data_reliability

import data.contract.lib

clause := "3.4.b"

_items(name) := [{"x": x, "at": lib.pointer(f.path, [name, i])} |
	some f in lib.files("data_reliability")
	some i, x in f.data[name]
]

_checks := [c | some c in _items("backup_checks"); lib.in_period(c.x.checked_at)]

_tests := [t | some t in _items("restore_tests"); lib.in_period(t.x.tested_at)]

_losses := [e | some e in _items("loss_events"); lib.in_period(e.x.occurred_at)]

system_ids := {s.id | some s in data.params.systems}

_ptr(name) := lib.pointer(lib.files("data_reliability")[0].path, [name])

deny contains v if {
	some e in _losses
	not e.x.recovered
	msg := sprintf("data of system %s lost at %s not recovered (%s) [%s]", [e.x.system_id, e.x.occurred_at, e.x.event_id, clause])
	v := object.union(lib.violation(msg, e.at), {"system_id": e.x.system_id})
}

deny contains v if {
	some t in _tests
	not t.x.succeeded
	msg := sprintf("restore test %s of system %s failed at %s [%s]", [t.x.test_id, t.x.system_id, t.x.tested_at, clause])
	v := object.union(lib.violation(msg, t.at), {"system_id": t.x.system_id})
}

deny contains v if {
	some c in _checks
	c.x.result != "ok"
	msg := sprintf("backup check %s of system %s: %s [%s]", [c.x.check_id, c.x.system_id, c.x.result, clause])
	v := object.union(lib.violation(msg, c.at), {"system_id": c.x.system_id})
}

deny contains v if {
	some sid in system_ids
	count([c | some c in _checks; c.x.system_id == sid]) == 0
	msg := sprintf("system %s: no backup check in the period [%s]", [sid, clause])
	v := object.union(lib.violation(msg, _ptr("backup_checks")), {"system_id": sid})
}

deny contains v if {
	some sid in system_ids
	count([t | some t in _tests; t.x.system_id == sid; t.x.succeeded]) == 0
	msg := sprintf("system %s: no successful restore test in the period [%s]", [sid, clause])
	v := object.union(lib.violation(msg, _ptr("restore_tests")), {"system_id": sid})
}

# systems whose data was lost beyond recovery (read by the liability ledger)
unrecovered := {e.x.system_id | some e in _losses; not e.x.recovered}

measure := {
	"expected": data.params.sla.data_reliability_percent,
	"unit": "percent (no unrecovered loss, restores succeed)",
	"backup_checks": count(_checks),
	"restore_tests": count(_tests),
	"restore_tests_failed": count([t | some t in _tests; not t.x.succeeded]),
	"loss_events": count(_losses),
	"unrecovered_losses": count([e | some e in _losses; not e.x.recovered]),
}
