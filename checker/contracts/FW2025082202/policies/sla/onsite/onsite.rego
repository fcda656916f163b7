# METADATA
# title: On site within 1 hour when needed
# description: >-
#   第三条 8 可在1小时内到达运维现场提供服务: every ticket with onsite_required has Party B's
#   engineer on site within sla.onsite_minutes (以内 includes the limit) of the moment the
#   fault was reported (reported_at; OBLIGATIONS.md reading rule 7: a later request for
#   presence, onsite_requested_at, does not restart the clock). not_applicable when no
#   ticket needed it.
# custom:
#   clause: "3.8.c"
#   evidence: [tickets]
#   severity: high
package contract.sla.onsite

import data.contract.sla.tickets as tk

# (the ticket rules are named by full path, its functions through tk: a rule read through
# an import alias makes regorus evaluate that whole package)

clause := "3.8.c"

limit := data.params.sla.onsite_minutes

_needed := {at: e |
	some at, e in data.contract.sla.tickets.tickets
	e.t.onsite_required == true
}

# the judged step of each ticket, by its pointer
steps := tk.judge(_needed, data.contract.sla.tickets.onsite_ns, limit) # onsite_arrived_at

deny contains v if {
	failing := data.contract.sla.tickets.failing
	tickets := data.contract.sla.tickets.tickets
	some at, s in steps
	failing[s.state] # tk.failed(s)
	v := tk.violation(tickets[at], clause, "on site", "onsite_arrived_at", limit, s)
}

not_applicable if count(_needed) == 0

measure := out if {
	unit := sprintf("on-site visits within %v min", [limit])
	s := tk.summary(steps, unit)
	out := object.union(s, {"limit_minutes": limit})
}
