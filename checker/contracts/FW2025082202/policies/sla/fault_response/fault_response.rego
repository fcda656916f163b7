# METADATA
# title: Fault response within 5 minutes
# description: >-
#   第三条 8 在系统发生故障时5分钟内响应: every fault ticket reported in the period has a
#   first response by a person of Party B within sla.response_minutes of reported_at.
#   A ticket never answered fails once the limit has passed at the export time.
# custom:
#   clause: "3.8.a"
#   evidence: [tickets]
#   severity: high
package contract.sla.fault_response

import data.contract.sla.tickets as tk

# (the ticket rules are named by full path, its functions through tk: a rule read through
# an import alias makes regorus evaluate that whole package)

clause := "3.8.a"

limit := data.params.sla.response_minutes

# the judged step of each ticket, by its pointer
steps := tk.judge(data.contract.sla.tickets.tickets, data.contract.sla.tickets.responded_ns, limit) # responded_at

deny contains v if {
	failing := data.contract.sla.tickets.failing
	tickets := data.contract.sla.tickets.tickets
	some at, s in steps
	failing[s.state] # tk.failed(s)
	v := tk.violation(tickets[at], clause, "responded", "responded_at", limit, s)
}

# mean response time feeds the liability annexes (A2.7-8, A3.8-9 平均响应时间)
measure := out if {
	unit := sprintf("tickets responded within %v min", [limit])
	s := tk.summary(steps, unit)
	out := object.union(s, {"limit_minutes": limit})
}
