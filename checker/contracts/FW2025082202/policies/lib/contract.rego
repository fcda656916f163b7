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
hosts[h.host_id] := {"host": h, "path": f.path, "index": i} if {
	some f in files("host_inventory")
	some i, h in f.data.hosts
}

in_inventory(host_id) if hosts[host_id]

# A host is in service during the period when it started before the period ends and
# did not leave before it started.
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
service_months := [m |
	some k in numbers.range(0, data.params.period.months - 1)
	s := add_months_local(period_start, k)
	e := min({add_months_local(period_start, k + 1), period_end})
	[y, mo, _] := time.date([s, data.params.timezone])
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
