# METADATA
# title: 7x24 on-site and technical support on the duty roster
# description: >-
#   提供7*24小时现场和技术支持服务 (第三条 8): at every instant of the service period the
#   duty roster has a security-registered staff member on duty as on-site engineer and
#   another as technical-support engineer (each shift's `role` names the duty role of
#   each staff member on it). A shift without `role` gives neither.
# custom:
#   clause: "3.8.d"
#   evidence: [duty_roster]
#   severity: high
package contract.sla.onsite_support

import data.contract.baseline.roster
import data.contract.lib

clause := "3.8.d"

# the two duty roles the clause needs, with the words of the contract
duties := {"onsite": "on-site engineer (现场)", "technical_support": "technical-support engineer (技术支持)"}

# held[role]: [start, end] of every shift where a registered staff member on it holds role
# (its `role` of each staff member on duty); a shift where two of them hold it is listed
# once per holder, which covers the same instants
# (speed: one pass over the shifts per duty role, no list of [role, start, end] built and
# scanned per role)
held[r] := spans if {
	all := roster.shifts # bound once (OPA does not memoise a per-item lookup)
	some r, _ in duties
	spans := [[e.start, e.end] | some e in all; some id in e.on_duty; e.roles[id] == r]
}

uncovered[r] := lib.gaps(held[r], lib.period_start, lib.period_end) if some r, _ in duties

deny contains v if {
	some r, gs in uncovered
	some g in gs
	minutes := lib.gap_minutes(g)
	msg := sprintf("no registered %s on duty from %s to %s (%v minutes) [%s]", [duties[r], lib.local_time(g[0]), lib.local_time(g[1]), minutes, clause])
	v := object.union(lib.violation(msg, roster.ending_at(g[0])), {"role": r, "from": lib.local_time(g[0]), "to": lib.local_time(g[1]), "minutes": minutes})
}

measure := {
	"uncovered_minutes": {r: sum([lib.gap_minutes(g) | some g in gs]) | some r, gs in uncovered},
	"gaps": sum([count(gs) | some _, gs in uncovered]),
	"shifts": count(roster.shifts),
}
