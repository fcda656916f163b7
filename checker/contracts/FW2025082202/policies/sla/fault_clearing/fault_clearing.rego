# METADATA
# title: Fault located and cleared within 30 minutes (important systems 10)
# description: >-
#   第三条 10 故障定位排除时限不超过30分钟，重要信息系统故障定位排除时限不超过10分钟: from
#   the moment the fault was reported (reported_at; OBLIGATIONS.md reading rule 7, the
#   clocks of 第三条 8 and 10 all start there) to resolved_at, at most (不超过 includes the
#   limit, rule 1) sla.fault_clear_minutes, or sla.fault_clear_important_minutes when the
#   ticket's system is important in the contract parameters. A ticket of a system the
#   parameters do not know fails: its limit cannot be decided.
# custom:
#   clause: "3.10"
#   evidence: [tickets]
#   severity: high
package contract.sla.fault_clearing

import data.contract.lib
import data.contract.sla.tickets as tk

clause := "3.10"

_systems[s.id] := s if some s in data.params.systems

_limit(system_id) := data.params.sla.fault_clear_important_minutes if {
	_systems[system_id].important == true
} else := data.params.sla.fault_clear_minutes if {
	_systems[system_id]
}

steps[e.at] := {"e": e, "s": s} if {
	some e in tk.tickets
	limit := _limit(e.t.system_id)
	s := object.union(tk.step(e, e.t.reported_at, "resolved_at", limit), {"limit": limit})
}

deny contains v if {
	some x in steps
	tk.failed(x.s)
	v := tk.violation(x.e, clause, "located and cleared", "resolved_at", x.s.limit, x.s)
}

deny contains v if {
	some e in tk.tickets
	not _systems[e.t.system_id]
	msg := sprintf("ticket %s: system %s is not in the contract parameters, its clearing limit is unknown [%s]", [e.t.ticket_id, e.t.system_id, clause])
	v := object.union(lib.violation(msg, e.at), {"ticket_id": e.t.ticket_id, "system_id": e.t.system_id})
}

# recovery = resolved_at - reported_at, the 平均故障恢复时间 of Annex 2 rows 9-10 and
# Annex 3 rows 10-11 (the liability ledger reads the mean and the monthly means)
_recovery contains [e.at, e.month, m] if {
	some e in tk.tickets
	to := tk.stamp(e.t, "resolved_at")
	m := lib.minutes_between(e.t.reported_at, to)
	m >= 0
}

_worst(important) := w if {
	w := tk.worst([x.s.minutes | some x in steps; x.s.state in {"ok", "late"}; _systems[x.e.t.system_id].important == important])
}

measure := out if {
	important := data.params.sla.fault_clear_important_minutes
	other := data.params.sla.fault_clear_minutes
	unit := sprintf("tickets cleared within %v min (important systems %v min)", [other, important])
	s := tk.summary(steps, unit)
	rec := [r[2] | some r in _recovery]
	pairs := [[r[1], r[2]] | some r in _recovery]
	extra := {
		"limit_minutes": {"important": important, "other": other},
		"expected": count(tk.tickets),
		"worst_minutes_important": _worst(true),
		"worst_minutes_other": _worst(false),
		"mean_recovery_minutes": tk.mean(rec),
		"monthly_mean_recovery_minutes": tk.monthly_mean(pairs),
	}
	out := object.union(s, extra)
}
