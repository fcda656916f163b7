# METADATA
# title: Shared helpers for clause policies
# description: >-
#   Violations, evidence pointers, the service period and the host inventory.
#   Every number comes from data.params (the contract parameters file); a policy
#   holds no contract number itself.
package contract.lib

# violation is the one shape every clause reports: a message and where in the bundle
# the evidence is (bundle path + "#" + JSON pointer).
violation(msg, evidence) := {"msg": msg, "evidence": evidence}

# pointer builds "path#/a/0/b" from a file path and pointer segments.
pointer(path, segments) := sprintf("%s#/%s", [path, concat("/", [sprintf("%v", [s]) | some s in segments])])

# files of one evidence kind; [] when the kind is absent (the checker reports `missing`
# before a policy runs, so an empty list here only happens in policy tests).
files(kind) := object.get(input.evidence, kind, [])

# Quantity clauses: contracted amount from data.params.services[clause].
quantity(clause) := data.params.services[clause].quantity

unit(clause) := data.params.services[clause].unit

# shortfall is a violation when delivered < contracted.
shortfall(clause, actual, evidence) := violation(
	sprintf("delivered %v %s, contracted %v (shortfall %v) [%s]", [actual, unit(clause), quantity(clause), quantity(clause) - actual, clause]),
	evidence,
) if {
	actual < quantity(clause)
}

measure(clause, actual) := {"expected": quantity(clause), "actual": actual, "unit": unit(clause)}

# ---- time ----------------------------------------------------------------------
ns(ts) := time.parse_rfc3339_ns(ts)

period_start := ns(data.params.period.start)

period_end := ns(data.params.period.end)

in_period(ts) if {
	t := ns(ts)
	t >= period_start
	t < period_end
}

minutes_between(from, to) := (ns(to) - ns(from)) / 60000000000

# ---- inventory -------------------------------------------------------------------
# hosts maps host_id -> {"host": record, "path": file path, "index": i}.
# A comprehension, built once per query: OPA builds a partial object of thousands of keys
# in worse than linear time and re-evaluates it per lookup `hosts[id]`.
hosts := {h.host_id: {"host": h, "path": f.path, "index": i} |
	some f in files("host_inventory")
	some i, h in f.data.hosts
}

in_inventory(host_id) if hosts[host_id]

# in_service: the host is in service at SOME instant of the period (it started before the
# period ends and did not leave before it started). Enough for work counted per occasion
# (a scan, a hardening); never enough for a quantity "provided within the term" (reading
# rule 3): quantity clauses count with host_span and lowest below.
in_service(host_id) if {
	h := hosts[host_id].host
	ns(h.in_service_from) < period_end
	not _left_before_period(h)
}

_left_before_period(h) if {
	h.in_service_to != null
	ns(h.in_service_to) <= period_start
}

# ---- service windows -------------------------------------------------------------
# A service record (a monitoring point, an audit instance, a protected site) with its
# own window [from, to); to = null while it is still in service.

# covers_period: the window spans the whole service period.
covers_period(from, to) if {
	ns(from) <= period_start
	to == null
}

covers_period(from, to) if {
	ns(from) <= period_start
	to != null
	ns(to) >= period_end
}

# overlaps_period: the window has at least one instant inside the period.
overlaps_period(from, to) if {
	ns(from) < period_end
	to == null
}

overlaps_period(from, to) if {
	ns(from) < period_end
	to != null
	ns(to) > period_start
}

# span(from, to): [from, to) clipped to the period, in ns; to = null means open-ended.
span(from, to) := [max({ns(from), period_start}), period_end] if {
	to == null
} else := [max({ns(from), period_start}), min({ns(to), period_end})]

# host_span: the part of the period a host of the inventory is in service, in ns.
host_span(host_id) := span(h.in_service_from, object.get(h, "in_service_to", null)) if {
	h := hosts[host_id].host
}

# service_months: the months of the period in order, each {"label": "YYYY-MM" (the
# month it starts in, contract time zone), "start": ns, "end": ns (exclusive)}.
# (add_months_local(period_start, k) with the zone's offset at the period start and the
# parameters read once, not per month: the same instants)
service_months := [m |
	ps := period_start
	pe := period_end
	tz := data.params.timezone
	off := _offset(ps)
	local := ps + off
	some k in numbers.range(0, data.params.period.months - 1)
	s := time.add_date(local, 0, k, 0) - off
	e := min({time.add_date(local, 0, k + 1, 0) - off, pe})
	[y, mo, _] := time.date([s, tz])
	m := {"label": sprintf("%d-%02d", [y, mo]), "start": s, "end": e}
]

# add_months_local: the instant t plus k calendar months counted on the contract's clock.
# time.add_date counts in UTC: 2025-07-01 00:00 +08:00 is 06-30 16:00 UTC, a month later is
# 07-30 16:00 UTC = 07-31 local, not 08-01. The zone's offset at t is applied around the UTC
# arithmetic (exact for a zone without daylight saving, as the contract's Asia/Shanghai).
_offset(t) := time.parse_rfc3339_ns(sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", array.concat(
	time.date([t, data.params.timezone]),
	time.clock([t, data.params.timezone]),
))) - t

add_months_local(t, k) := time.add_date(t + _offset(t), 0, k, 0) - _offset(t)

# local_time: an instant (ns) as RFC 3339 in the contract's time zone, for messages.
local_time(t) := time.format([t, data.params.timezone])

# ---- "provided within the term" (OBLIGATIONS.md reading rule 3) -------------------
# A unit counts for the instants it is in service; the delivered quantity is the lowest
# number of units in service at any instant of the period. A replacement that takes over
# without a gap keeps the number up.

# clip(a, b): [a, b) (ns) clipped to the period; undefined when nothing of it is inside
clip(a, b) := [x, y] if {
	x := max({a, period_start})
	y := min({b, period_end})
	x < y
}

# span_union(spans): the same instants as a set of disjoint [from, to) spans inside the period
span_union(spans) := gaps(gaps(spans, period_start, period_end), period_start, period_end)

# span_minus(span, holes): the parts of one span that no hole covers (disjoint spans)
span_minus(span, holes) := gaps(holes, span[0], span[1])

# span_intersect(spans): the instants inside every span of a list, as [a, b]; undefined if none
span_intersect(spans) := [a, b] if {
	a := max({s[0] | some s in spans})
	b := min({s[1] | some s in spans})
	a < b
}

# lowest(spans_by_unit): unit id -> set of disjoint spans of that unit. Returns
# {"count": lowest number in service at any instant, "at": first instant (ns) it is that
# low}. The number only changes where a span starts or ends, so only those instants
# (and the period start) are evaluated: a sweep over the starts (+1) and ends (-1) of
# every span sorted once, the number at an instant being the running total after the
# last event at that instant (n log n, not one scan of every span per instant).
# A unit is counted once at an instant even if two of its spans overlap there: such a
# unit (never one built by unit_spans or host_spans) is merged with span_union first.
lowest(spans_by_unit) := {"count": n, "at": at} if {
	ps := period_start
	pe := period_end
	overlapping := {u |
		some u, ss in spans_by_unit
		count(ss) > 1
		iv := sort([s | some s in ss; s[0] < s[1]])
		some k, x in iv
		k > 0
		x[0] < iv[k - 1][1]
	}
	spans := array.concat(
		[s | some u, ss in spans_by_unit; not overlapping[u]; some s in ss; s[0] < s[1]],
		[s | some u in overlapping; some s in span_union(spans_by_unit[u])],
	)
	events := sort(array.concat([[s[0], 1] | some s in spans], [[s[1], -1] | some s in spans]))
	times := [e[0] | some e in events]
	running := prefix_sums([e[1] | some e in events])
	after := array.concat(array.slice(times, 1, count(times)), [null])
	at_start := count([1 | some s in spans; s[0] <= ps]) - count([1 | some s in spans; s[1] <= ps])
	inside := [i | some i, t in times; t > ps; t < pe; after[i] != t]
	n := min(array.concat([at_start], [running[i] | some i in inside]))
	at := min(array.concat([ps | at_start == n], [times[i] | some i in inside; running[i] == n]))
}

# unit_spans(records): records [{"id": unit id, "spans": [[a, b], ...]}, ...], several per
# unit allowed (a unit listed twice, a set on several records): unit id -> their union.
unit_spans(records) := {id: span_union(ss) |
	some r in records
	id := r.id
	ss := [s | some x in records; x.id == id; some s in x.spans]
}

# host_spans(host_id): the host's time in service inside the period, as a set of spans
host_spans(host_id) := {s |
	[a, b] := host_span(host_id)
	a < b
	s := [a, b]
}

# window_span(from, to): a service window [from, to) (to null = still in service) clipped
window_span(from, to) := clip(ns(from), period_end) if {
	to == null
} else := clip(ns(from), ns(to))

# ---- deadlines in days (reading rule 2) -------------------------------------------
# Self-contained (reads data.params and data.calendar directly): regorus 0.13 gives a
# rule that reaches contract.lib.calendar from here an empty result under `with data.params`.
_day_ns := ((24 * 3600) * 1000000000)

# days_deadline(t, n): the end (24:00, contract zone) of the n-th day after the instant t
# (the day of t is not counted, 民法典 第二百零一条); when that day is a rest day or a
# public holiday of the official calendar (not a working day), the deadline moves to the
# end of the next working day (第二百零三条). Outside the years the calendar knows, no
# move. The contract's zone has no daylight saving: a day is 24 h from the period start.
days_deadline(t, n) := last + (_days_moved(_date(last - 1)) * _day_ns) if {
	ps := time.parse_rfc3339_ns(data.params.period.start)
	last := ps + (((_day_index(t - ps) + 1) + n) * _day_ns)
}

# _day_index(diff): floor(diff / day) in exact integer arithmetic (a float quotient of
# ns a year apart cannot tell 23:59:59.999999999 from midnight)
_day_index(diff) := (diff - (diff % _day_ns)) / _day_ns if {
	diff >= 0
} else := ((diff - (diff % _day_ns)) / _day_ns) - 1 if {
	diff % _day_ns != 0
} else := diff / _day_ns

# ceil_div(a, b): ceil(a / b) for integers a >= 0 and b > 0, exact. regorus divides in
# floating point, so ceil(a / b) of ns counts (200 days and 1 ns, measured: from about 105
# days on) rounds to the whole number below: use this for every duration rounded up.
ceil_div(a, b) := q if {
	a >= 0
	up := (a + b) - 1
	q := (up - (up % b)) / b
}

_date(t) := sprintf("%04d-%02d-%02d", time.date([t, data.params.timezone]))

_utc(d) := time.parse_rfc3339_ns(sprintf("%sT00:00:00Z", [d]))

# _days_moved(d): days from d to the first working day on or after it (0 when d is one,
# or when the calendar does not know d)
_days_moved(d) := 0 if {
	not _calendar_knows(d)
} else := 0 if {
	_working_days[d]
} else := _rest_day_moves[d]

# built once (a rule, not per call): the working days, and every other day of the calendar
# up to its last working day -> the days to the first working day after it (the days after
# the last working day are absent: no move is defined for them, as before)
_working_days := {w | some w in data.calendar.working_days}

_rest_day_moves := {d: j |
	ws := sort(_working_days)
	first := time.parse_rfc3339_ns(sprintf("%sT00:00:00Z", [data.calendar.first_day]))
	wns := [time.parse_rfc3339_ns(sprintf("%sT00:00:00Z", [w])) | some w in ws]
	# the working day before each one; for the first, the day before the calendar's first day
	before := array.concat([first - _day_ns], array.slice(wns, 0, count(wns) - 1))
	some i, t in wns
	gap := (t - before[i]) / _day_ns
	gap > 1
	some j in numbers.range(1, gap - 1)
	d := sprintf("%04d-%02d-%02d", time.date(t - (j * _day_ns)))
}

_calendar_knows(d) if {
	data.calendar.first_day <= d
	d <= data.calendar.last_day
}
