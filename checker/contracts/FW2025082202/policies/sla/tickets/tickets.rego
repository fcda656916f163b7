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
# (done once per ticket here, for every clause package: the service month they group by,
# and the report and export instants in ns, "from" and "now", where every clock starts
# and where an absent step is judged)
# (speed: data.params and rules are read before the loop over tickets, and builtins are
# called directly, not through lib.ns / lib.in_period / month: a lookup of data.params or
# a call of a Rego function per ticket costs regorus more than the rest of it; and it is
# a comprehension, not a partial rule: OPA builds a partial rule of thousands of keys in
# more than linear time)
# (in file order, then ticket order: `in_order`, which the liability ledger groups in that
# order; `tickets` is the same entries keyed by pointer)
in_order := [{"t": t, "at": at, "from": r, "now": now} |
	lo := data.contract.lib.period_start
	hi := data.contract.lib.period_end
	some f in lib.files("tickets")
	now := time.parse_rfc3339_ns(f.data.as_of)
	some i, t in f.data.tickets
	r := time.parse_rfc3339_ns(t.reported_at)
	r >= lo # lib.in_period(t.reported_at)
	r < hi
	at := sprintf("%s#/tickets/%d", [f.path, i])
]

tickets := {e.at: e | some e in in_order}

# the service month of each ticket of `in_order`, at the same position (month(t.reported_at))
month_labels := [time.format([e.from - back, tz, "2006-01"]) |
	tz := _tz
	back := _month_back_ns
	some e in in_order
]

# the instant (ns) of each timed step of the tickets, parsed once for every clause that
# reads it: {pointer: ns}, only the tickets where the field is present and not null
# (stamp(e.t, field)); one rule per step, so a clause parses only the steps it reads
responded_ns := stamps("responded_at")

handling_ns := stamps("handling_started_at")

onsite_ns := stamps("onsite_arrived_at")

resolved_ns := stamps("resolved_at")

stamps(field) := {at: ns |
	some at, e in tickets
	to := object.get(e.t, field, null)
	to != null
	ns := time.parse_rfc3339_ns(to)
}

# tickets outside the period do not count; they are listed, never dropped silently
# (speed: looked for only when some listed ticket does not count; not lib.in_period, as
# its two halves: no Rego function called per ticket)
excluded contains {"evidence": lib.pointer(f.path, ["tickets", i]), "reason": "reported outside the service period"} if {
	count(tickets) < _listed
	lo := data.contract.lib.period_start
	some f in lib.files("tickets")
	some i, t in f.data.tickets
	time.parse_rfc3339_ns(t.reported_at) < lo
}

excluded contains {"evidence": lib.pointer(f.path, ["tickets", i]), "reason": "reported outside the service period"} if {
	count(tickets) < _listed
	hi := data.contract.lib.period_end
	some f in lib.files("tickets")
	some i, t in f.data.tickets
	time.parse_rfc3339_ns(t.reported_at) >= hi
}

_listed := sum([count(f.data.tickets) | some f in lib.files("tickets")])

# stamp is the value of an optional timestamp field; undefined when absent or null
stamp(obj, field) := v if {
	v := object.get(obj, field, null)
	v != null
}

# two decimals, for messages and measures
round2(x) := round(x * 100) / 100

# judge judges one timed step of every ticket of `tickets` ({pointer: ticket}, a part of
# `tickets` above): the clock runs from the report (reported_at, OBLIGATIONS.md reading
# rule 7: every clock of 第三条 8 and 10 starts there) to the ticket's step, whose instants
# are `at_ns` ({pointer: ns}: one of responded_ns, handling_ns, onsite_ns, resolved_ns
# above), against `limit` minutes. {pointer: step}:
#   {"state": "ok" | "late" | "order", "minutes": m}   when the step happened
#   {"state": "open"}     absent, and the limit passed before the export (as_of)
#   {"state": "pending"}  absent, the limit had not passed yet
# "order" when m < 0, else "late" when m > limit, else "ok"; each step carries the limit
# it was judged against; the minutes are those of lib.minutes_between(reported_at, step).
# (speed: one call per clause, every ticket judged inside comprehensions: OPA spends more
# on a call of a Rego function per ticket than on the rest of the ticket; two passes over
# the tickets and two over the steps that happened, not three and three)
judge(tickets, at_ns, limit) := out if {
	happened := {at: m |
		some at, e in tickets
		to := at_ns[at]
		m := (to - e.from) / 60000000000
	}
	# minutes from the report to the export time, of the tickets whose step is absent
	waited := {at: w | some at, e in tickets; not happened[at]; w := (e.now - e.from) / 60000000000}
	over := {true: "late", false: "ok"} # m > limit, for a step not out of order
	out := object.union_n([
		{at: {"state": "order", "minutes": m, "limit": limit} | some at, m in happened; m < 0},
		{at: {"state": st, "minutes": m, "limit": limit} | some at, m in happened; m >= 0; st := over[m > limit]},
		{at: {"state": "open", "limit": limit} | some at, w in waited; w > limit},
		{at: {"state": "pending", "limit": limit} | some at, w in waited; w <= limit},
	])
}

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

failed(s) if s.state in failing

# the states of a step that fail the clause
failing := {"late", "order", "open"}

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

_tz := data.params.timezone

_start_day := time.date([data.contract.lib.period_start, _tz])[2]

_month_back_ns := (_start_day - 1) * _day_ns

month(ts) := time.format([lib.ns(ts) - _month_back_ns, _tz, "2006-01"])

# the tickets of each service month (their pointers, in pointer order), grouped once: a
# monthly mean then reads each ticket once instead of scanning every ticket per month.
# Grouped by sorting [month, pointer] pairs: a month starts at the first pair and where
# the month differs from the pair before (a comprehension: OPA builds a partial rule of
# thousands of members in more than linear time).
# (flat arrays of months and pointers: regorus indexes an array of arrays slowly)
by_month := {months[s]: array.slice(ats, s, e) |
	ms := month_labels
	pairs := sort([[ms[k], x.at] | some k, x in in_order])
	months := [p[0] | some p in pairs]
	ats := [p[1] | some p in pairs]
	n := count(pairs)
	starts := array.concat([0], [i | some i in numbers.range(1, n - 1); months[i] != months[i - 1]])
	ends := array.concat(array.slice(starts, 1, count(starts)), [n])
	some k, s in starts
	e := ends[k]
}

# monthly mean of a {pointer: minutes} object of tickets: {"2025-09": 2.4, ...}, only the
# months with at least one value; within a month the values are summed in pointer order
monthly_mean(xs) := {m: mean(ys) |
	months := by_month # bound once (OPA does not memoise a per-item lookup)
	some m, ats in months
	ys := [x | some at in ats; x := xs[at]]
	count(ys) > 0
}

# the states of a step that happened (its minutes count in means and worst)
done := {"ok", "late"}

# summary is the measure of judged steps {pointer: step}:
# expected = tickets subject to the limit, actual = tickets within it.
# (speed: the states are counted from one sorted list, where each state is one run, not
# by a scan of every step per state)
summary(steps, unit) := out if {
	states := sort([s.state | some s in steps])
	n := count(states)
	cuts := [i | some i in numbers.range(1, n - 1); states[i] != states[i - 1]]
	ends := array.concat(cuts, [n])
	runs := {st: c | some k, b in array.concat([0], cuts); b < n; st := states[b]; c := ends[k] - b} # state -> how many
	done_states := done
	minutes_of := {at: s.minutes | some at, s in steps; done_states[s.state]}
	minutes := [x | some x in minutes_of]
	out := {
		"expected": n,
		"actual": object.get(runs, "ok", 0),
		"unit": unit,
		"mean_minutes": mean(minutes),
		"worst_minutes": worst(minutes),
		"late": object.get(runs, "late", 0),
		"open": object.get(runs, "open", 0),
		"pending": object.get(runs, "pending", 0),
		"out_of_order": object.get(runs, "order", 0),
		"monthly_mean_minutes": monthly_mean(minutes_of),
		"excluded": count(excluded),
	}
}
