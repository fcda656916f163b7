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

# (the ticket rules are named by full path, its functions through tk: a rule read through
# an import alias makes regorus evaluate that whole package)

clause := "3.10"

_systems[s.id] := s if some s in data.params.systems

# the importance of each system of the parameters (null when the entry has none): its
# clearing limit is sla.fault_clear_important_minutes when it is true, else
# sla.fault_clear_minutes
_class[id] := object.get(s, "important", null) if some id, s in _systems

_limit(c, important, other) := important if {
	c == true
} else := other

# the tickets of known systems, by their system's importance: {importance: {pointer: ticket}}
_by_class := {c: group |
	classes := _class # bound once (OPA does not memoise a per-item lookup)
	tickets := data.contract.sla.tickets.tickets
	some c in {x | some _, x in classes}
	group := {at: e | some at, e in tickets; classes[e.t.system_id] == c}
}

# the judged step of each ticket of a known system, by importance and pointer: the limit is
# decided once per importance (not per ticket: a lookup of data.params per ticket costs more
# than the rest of the ticket); the worst times per importance read their own group
_steps_of := {c: tk.judge(group, data.contract.sla.tickets.resolved_ns, limit) | # resolved_at
	important := data.params.sla.fault_clear_important_minutes
	other := data.params.sla.fault_clear_minutes
	some c, group in _by_class
	limit := _limit(c, important, other)
}

# the judged step of each ticket of a known system, by its pointer
steps := object.union_n([x | some _, x in _steps_of])

deny contains v if {
	failing := data.contract.sla.tickets.failing
	tickets := data.contract.sla.tickets.tickets
	some at, s in steps
	failing[s.state] # tk.failed(s)
	v := tk.violation(tickets[at], clause, "located and cleared", "resolved_at", s.limit, s)
}

# (speed: looked for only when some ticket is not judged, i.e. of an unknown system)
deny contains v if {
	count(steps) < count(data.contract.sla.tickets.tickets)
	systems := _systems
	some e in data.contract.sla.tickets.tickets
	not systems[e.t.system_id]
	msg := sprintf("ticket %s: system %s is not in the contract parameters, its clearing limit is unknown [%s]", [e.t.ticket_id, e.t.system_id, clause])
	v := object.union(lib.violation(msg, e.at), {"ticket_id": e.t.ticket_id, "system_id": e.t.system_id})
}

# recovery = resolved_at - reported_at, the 平均故障恢复时间 of Annex 2 rows 9-10 and
# Annex 3 rows 10-11 (the liability ledger reads the mean and the monthly means);
# keyed by the ticket's pointer: pointer -> minutes. Every ticket cleared after its report
# counts, whether or not its system is known; a judged step already has those minutes
# (ok and late: minutes >= 0), the others are worked out here.
_recovery := object.union(
	{at: s.minutes | some at, s in steps; s.minutes >= 0},
	{at: m | judged := steps; count(judged) < count(data.contract.sla.tickets.tickets); cleared := data.contract.sla.tickets.resolved_ns; some at, e in data.contract.sla.tickets.tickets; not judged[at]; m := (cleared[at] - e.from) / 60000000000; m >= 0}, # lib.minutes_between(reported_at, resolved_at)
)

# the worst clearing time of the tickets of systems whose importance is `important`
_worst(important) := w if {
	done := data.contract.sla.tickets.done
	judged := object.get(_steps_of, important, {})
	w := tk.worst([s.minutes | some s in judged; done[s.state]])
}

measure := out if {
	important := data.params.sla.fault_clear_important_minutes
	other := data.params.sla.fault_clear_minutes
	unit := sprintf("tickets cleared within %v min (important systems %v min)", [other, important])
	s := tk.summary(steps, unit)
	recovery := _recovery
	rec := [r | some r in recovery]
	extra := {
		"limit_minutes": {"important": important, "other": other},
		"expected": count(data.contract.sla.tickets.tickets),
		"worst_minutes_important": _worst(true),
		"worst_minutes_other": _worst(false),
		"mean_recovery_minutes": tk.mean(rec),
		"monthly_mean_recovery_minutes": tk.monthly_mean(recovery),
	}
	out := object.union(s, extra)
}
