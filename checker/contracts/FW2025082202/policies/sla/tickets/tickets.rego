# METADATA
# title: Fault-ticket clocks shared by the 第三条 8 and 10 clauses
# description: >-
#   Which tickets count (reported inside the service period), and the one way a timed
#   step of a ticket is judged: done in time, late, out of order, still open after its
#   limit (a violation) or still open before it (pending). Definitions of each clock are
#   in schemas/evidence/tickets.schema.json. No contract number lives here: limits are
#   passed in by the clause packages from data.params.sla.
package contract.sla.tickets

import data.contract.lib

# every ticket reported in the period, with where it is
# (an object keyed by the evidence pointer, not a set: a set of 10k ticket objects costs
# the engine a deep comparison per insertion, string keys do not)
# (the service month is worked out once here: the clause packages group by it)
tickets[at] := {"t": t, "at": at, "as_of": f.data.as_of, "month": m} if {
	some f in lib.files("tickets")
	some i, t in f.data.tickets
	lib.in_period(t.reported_at)
	at := sprintf("%s#/tickets/%d", [f.path, i])
	m := month(t.reported_at)
}

# tickets outside the period do not count; they are listed, never dropped silently
excluded contains {"evidence": lib.pointer(f.path, ["tickets", i]), "reason": "reported outside the service period"} if {
	some f in lib.files("tickets")
	some i, t in f.data.tickets
	not lib.in_period(t.reported_at)
}

# stamp is the value of an optional timestamp field; undefined when absent or null
stamp(obj, field) := v if {
	v := object.get(obj, field, null)
	v != null
}

# two decimals, for messages and measures
round2(x) := round(x * 100) / 100

# step judges one timed step of ticket e: the clock runs from timestamp `from` to the
# ticket's `field`, against `limit` minutes.
#   {"state": "ok" | "late" | "order", "minutes": m}   when the step happened
#   {"state": "open"}     absent, and the limit passed before the export (as_of)
#   {"state": "pending"}  absent, the limit had not passed yet
step(e, from, field, limit) := out if {
	to := stamp(e.t, field)
	m := lib.minutes_between(from, to)
	out := {"state": _state(m, limit), "minutes": m}
} else := {"state": "open"} if {
	lib.minutes_between(from, e.as_of) > limit
} else := {"state": "pending"}

_state(m, limit) := "order" if {
	m < 0
} else := "late" if {
	m > limit
} else := "ok"

# violation builds the structured violation of a step that failed
violation(e, clause, what, field, limit, s) := object.union(lib.violation(msg, e.at), {
	"ticket_id": e.t.ticket_id,
	"system_id": e.t.system_id,
	"limit_minutes": limit,
	"minutes": _minutes(s),
}) if {
	msg := _message(e, clause, what, field, limit, s)
}

_minutes(s) := m if {
	m := round2(s.minutes)
} else := null

# the message of a failed step (built inside braced bodies, see the regorus notes)
_message(e, clause, what, field, limit, s) := msg if {
	s.state == "late"
	msg := sprintf("ticket %s (%s): %s after %v min, limit %v min [%s]", [e.t.ticket_id, e.t.system_id, what, round2(s.minutes), limit, clause])
} else := msg if {
	s.state == "order"
	msg := sprintf("ticket %s (%s): %s is before the clock start (times out of order) [%s]", [e.t.ticket_id, e.t.system_id, field, clause])
} else := msg if {
	msg := sprintf("ticket %s (%s): no %s, limit of %v min passed [%s]", [e.t.ticket_id, e.t.system_id, field, limit, clause])
}

failed(s) if s.state in {"late", "order", "open"}

# mean and worst of a list of minutes, null when empty, two decimals
mean(xs) := round2(sum(xs) / count(xs)) if {
	count(xs) > 0
} else := null

worst(xs) := round2(max(xs)) if {
	count(xs) > 0
} else := null

# service month of a timestamp, named like the monthly reports (6.3.2): the calendar
# month in which that service month starts. The period starts on day d of a month, so an
# instant belongs to the calendar month of its local date moved back d-1 days.
_day_ns := ((24 * 60) * 60) * 1000000000

_start_day := time.date([lib.period_start, data.params.timezone])[2]

month(ts) := time.format([lib.ns(ts) - ((_start_day - 1) * _day_ns), data.params.timezone, "2006-01"])

# monthly mean of [month, minutes] pairs: {"2025-09": 2.4, ...}
monthly_mean(pairs) := {m: mean([x | some p in pairs; p[0] == m; x := p[1]]) | some m in {q[0] | some q in pairs}}

# summary is the measure of a set of judged steps {"e": ticket, "s": step}:
# expected = tickets subject to the limit, actual = tickets within it.
summary(steps, unit) := out if {
	done := [x.s.minutes | some x in steps; x.s.state in {"ok", "late"}]
	pairs := [[x.e.month, x.s.minutes] | some x in steps; x.s.state in {"ok", "late"}]
	m := mean(done)
	w := worst(done)
	monthly := monthly_mean(pairs)
	out := {
		"expected": count(steps),
		"actual": count([1 | some x in steps; x.s.state == "ok"]),
		"unit": unit,
		"mean_minutes": m,
		"worst_minutes": w,
		"late": count([1 | some x in steps; x.s.state == "late"]),
		"open": count([1 | some x in steps; x.s.state == "open"]),
		"pending": count([1 | some x in steps; x.s.state == "pending"]),
		"out_of_order": count([1 | some x in steps; x.s.state == "order"]),
		"monthly_mean_minutes": monthly,
		"excluded": count(excluded),
	}
}
