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

# (the ticket rules are named by full path, its functions through tk: a rule read through
# an import alias makes regorus evaluate that whole package)

clause := "3.8.b"

limit := data.params.sla.handling_minutes

# the judged step of each ticket, by its pointer
steps := tk.judge(data.contract.sla.tickets.tickets, data.contract.sla.tickets.handling_ns, limit) # handling_started_at

deny contains v if {
	failing := data.contract.sla.tickets.failing
	tickets := data.contract.sla.tickets.tickets
	some at, s in steps
	failing[s.state] # tk.failed(s)
	v := tk.violation(tickets[at], clause, "handling started", "handling_started_at", limit, s)
}

measure := out if {
	unit := sprintf("tickets handled within %v min", [limit])
	s := tk.summary(steps, unit)
	out := object.union(s, {"limit_minutes": limit})
}
