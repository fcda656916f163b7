# METADATA
# title: Fault handling begun within 30 minutes
# description: >-
#   第三条 8 在30分钟之内处理故障: hands-on handling (diagnosis or remediation by an
#   engineer, handling_started_at) begins within sla.handling_minutes of reported_at.
#   Locating and clearing the fault after that is 3.10's clock.
# custom:
#   clause: "3.8.b"
#   evidence: [tickets]
#   severity: high
package contract.sla.fault_handling

import data.contract.sla.tickets as tk

clause := "3.8.b"

limit := data.params.sla.handling_minutes

steps[at] := {"e": e, "s": s} if {
	lim := limit
	some at, e in tk.tickets
	s := tk.step(e, "handling_started_at", lim)
}

deny contains v if {
	some x in steps
	tk.failed(x.s)
	v := tk.violation(x.e, clause, "handling started", "handling_started_at", limit, x.s)
}

measure := out if {
	unit := sprintf("tickets handled within %v min", [limit])
	s := tk.summary(steps, unit)
	out := object.union(s, {"limit_minutes": limit})
}
