# METADATA
# title: 7x24 operations staff on duty, security-registered
# description: >-
#   运维人员管理 (第二条 2(2) 安全管理服务 第1项: 7x24 小时运维人员管理、安全登记):
#   every instant of the service period is covered by a shift with at least one
#   security-registered staff member on duty, and everyone on a shift was registered
#   for the whole of it.
# custom:
#   clause: "2.2.2.1"
#   evidence: [duty_roster]
#   severity: medium
package contract.baseline.staff_duty

import data.contract.lib

clause := "2.2.2.1"

# uncovered: parts of the period with no registered staff on duty
uncovered := lib.gaps(data.contract.baseline.roster.staffed(1), lib.period_start, lib.period_end)

deny contains v if {
	some g in uncovered
	minutes := lib.gap_minutes(g)
	msg := sprintf("no registered staff on duty from %s to %s (%v minutes) [%s]", [lib.local_time(g[0]), lib.local_time(g[1]), minutes, clause])
	at := data.contract.baseline.roster.ending_at(g[0])
	v := object.union(lib.violation(msg, at), {"from": lib.local_time(g[0]), "to": lib.local_time(g[1]), "minutes": minutes})
}

# unregistered: staff id -> [file, index] of the period shifts they stood without a valid
# registration (the file too: two roster files each have a shift 0)
unregistered[id] contains [e.path, e.index] if {
	some e in data.contract.baseline.roster.shifts
	e.start < lib.period_end
	e.end > lib.period_start
	some id in e.staff_ids
	not id in e.on_duty
}

deny contains v if {
	some id, idx in unregistered
	[path, first] := min(idx)
	reason := _why(id)
	msg := sprintf("staff %s stood %d shift(s) without a valid security registration (%s) [%s]", [id, count(idx), reason, clause])
	v := object.union(lib.violation(msg, lib.pointer(path, ["shifts", first, "staff_ids"])), {"staff_id": id, "shifts": count(idx)})
}

_why(id) := "not in the staff register" if {
	not data.contract.baseline.roster.staff[id]
} else := "registered after the shift started or revoked before it ended"

measure := {
	"gaps": count(uncovered),
	"uncovered_minutes": sum([lib.gap_minutes(g) | some g in uncovered]),
	"shifts": count(data.contract.baseline.roster.shifts),
	"staff": count(data.contract.baseline.roster.staff),
}
