# METADATA
# title: Platform availability at least 99.99% per information system
# description: >-
#   第三条 4: 云平台整体可用性应不低于 sla.availability_percent, judged per information system
#   over the whole period. Downtime Party B answers for (OBLIGATIONS.md reading rule 4) is
#   the union of the system's counted outage records and of the minutes any of its probes
#   saw it down (availability_samples): several records or probes of one minute count it
#   once. Not counted, but shown apart in the measures with the record that proves the
#   cause: planned maintenance Party A agreed to before it started, and outages
#   policies/lib/excuse.rego excuses (force majeure with its 14.3 notice and proof, Party
#   A's own systems, providers Party A designated, each confirmed); probe minutes inside
#   those windows are taken out too. A system fails when (period - downtime) / period <
#   target (99.99% of 525,600 minutes allows 52.56 minutes), and when its probes leave a
#   stretch of the term unobserved longer than baseline.monitoring_max_gap_minutes (a series
#   that stops early is a gap, not silence: availability cannot be shown there). Exact:
#   milliseconds and the target as an integer ratio. Downtime is also shown per month.
# custom:
#   clause: "3.4.a"
#   evidence: [outages, availability_samples]
#   severity: high
package contract.sla.availability

import data.contract.lib
import data.contract.lib.excuse
import data.contract.sla.samples

clause := "3.4.a"

_ms(ts) := samples.ms(ts)

_period_start := samples.period_start

_period_end := samples.period_end

period_ms := _period_end - _period_start

_as_of := min([_ms(f.data.as_of) | some f in lib.files("outages")])

# the target percent as an exact ratio: "99.99" -> 9999 / 100
_target := t if {
	parts := split(data.params.sla.availability_percent, ".")
	frac := concat("", array.slice(parts, 1, 2))
	t := {"num": to_number(concat("", [parts[0], frac])), "den": to_number(concat("", array.concat(["1"], [z | some c in split(frac, ""); c != ""; z := "0"])))}
}

# allowed downtime in minutes (informative): period x (100 - target) / 100
allowed_minutes := ((period_ms * ((100 * _target.den) - _target.num)) / (100 * _target.den)) / 60000

outages contains {"o": o, "at": lib.pointer(f.path, ["outages", i])} if {
	some f in lib.files("outages")
	some i, o in f.data.outages
}

# approved: planned maintenance Party A agreed to before it started
approved(o) if {
	o.planned == true
	a := object.get(o, "maintenance_approval", null)
	a != null
	_ms(a.approved_at) < _ms(o.started_at)
}

# counted: an outage Party B answers for (neither approved maintenance nor excused)
counted(o) if {
	not approved(o)
	excuse.answerable(o)
}

_end(o) := _ms(o.ended_at) if {
	o.ended_at != null
} else := _as_of

system_ids := {s.id | some s in data.params.systems}

# [from, to) of an outage clipped to the period, in ms; undefined when outside it
span(o) := [s, e] if {
	s := max({_ms(o.started_at), _period_start})
	e := min({_end(o), _period_end})
	s < e
}

# each outage inside the period once, with its span and whether it is counted
_spans := [{"o": x.o, "iv": iv, "counted": c} |
	some x in outages
	iv := span(x.o)
	c := _counted_flag(x.o)
]

_counted_flag(o) := true if counted(o) else := false

# counted outage intervals of a system (ms)
intervals[sid] := [x.iv |
	some x in _spans
	x.counted
	sid in x.o.system_ids
] if {
	some sid in system_ids
}

# windows not counted for a system: approved maintenance and excused outages
_excluded(sid) := [x.iv |
	some x in _spans
	not x.counted
	sid in x.o.system_ids
]

# probe minutes down outside the excluded windows: a down sample counts unless the start of
# its minute (clipped to the period) is inside an excluded window. The same minutes as
# samples.down(sid) filtered one by one, worked out per run of '0' samples instead: the
# minutes of a run are consecutive, so those an excluded window takes out are one range of
# indices, and what is left of the run is a few ranges (each [from, to) ms, clipped).
sampled[sid] := [iv |
	ex := _excluded(sid)
	some x in samples.series
	x.s.system_id == sid
	t0 := _ms(x.s.start)
	st := x.s.step_seconds * 1000
	some run in _zero_runs(x.s.values)
	a := _first_in_period(t0, st, run[0])
	b := _end_in_period(t0, st, run[1])
	a < b
	drops := [[lo, hi] |
		some w in ex
		lo := _first_at(t0, st, a, w[0])
		hi := min({b, _first_at(t0, st, a, w[1])})
		lo < hi
	]
	some k in lib.gaps(drops, a, b)
	iv := [max({t0 + (k[0] * st), _period_start}), min({t0 + (k[1] * st), _period_end})]
] if {
	some sid in system_ids
}

# runs of '0' (down) samples of a series as index ranges [a, b): the regex engine finds
# them in one pass over the string, each run's end is the sum of the lengths of the pieces
# and runs before it (the split around runs gives one piece more than there are runs)
_zero_runs(values) := [[e - count(z), e] |
	zs := regex.find_n("0+", values, -1)
	pieces := regex.split("0+", values)
	ends := lib.prefix_sums([n | some j, z in zs; n := count(pieces[j]) + count(z)])
	some j, z in zs
	e := ends[j]
]

# sample i of a series covers [t0 + i*st, t0 + (i+1)*st) ms. _first_in_period: the first
# index from i on whose minute ends after the period start; _end_in_period: the index after
# the last one before b that starts before the period end (samples.down's bounds)
_first_in_period(t0, st, i) := i if {
	(t0 + (i * st)) + st > _period_start
} else := _ceil_index(t0, st, _period_start - st, true)

_end_in_period(t0, st, b) := b if {
	t0 + ((b - 1) * st) < _period_end
} else := max({0, _ceil_index(t0, st, _period_end, false)})

# _first_at(t0, st, a, w): the first index from a (the run's first minute in the period)
# whose clipped start max(t0 + i*st, period start) is at or after w
_first_at(t0, st, a, w) := a if {
	max({t0 + (a * st), _period_start}) >= w
} else := _ceil_index(t0, st, w, false)

# _ceil_index(t0, st, w, strict): the least index i with t0 + i*st >= w (> w when strict),
# from the quotient, checked against the comparison itself on both sides
_ceil_index(t0, st, w, strict) := i if {
	k := ceil((w - t0) / st)
	some i in [k - 1, k, k + 1]
	_past(t0 + (i * st), w, strict)
	not _past(t0 + ((i - 1) * st), w, strict)
}

_past(t, w, true) if t > w

_past(t, w, false) if t >= w

# covered(iv, ws, we): length of the union of the intervals iv inside [ws, we), in ms
covered(iv, ws, we) := (we - ws) - sum([d | some g in lib.gaps(iv, ws, we); d := g[1] - g[0]])

_all(sid) := array.concat(intervals[sid], sampled[sid])

recorded_ms[sid] := covered(intervals[sid], _period_start, _period_end) if {
	some sid in system_ids
}

downtime_ms[sid] := covered(_all(sid), _period_start, _period_end) if {
	some sid in system_ids
}

# availability holds when (period - downtime) * 100 * den >= num * period
_below(sid) if {
	((period_ms - downtime_ms[sid]) * 100) * _target.den < _target.num * period_ms
}

below := {sid | some sid in system_ids; _below(sid)}

# percent with 6 decimals (informative)
_six_places := 1000 * 1000

_pct(down) := round((((period_ms - down) * 100) / period_ms) * _six_places) / _six_places

_minutes(v) := round((v / 60000) * 100) / 100

_outages_at := lib.pointer(lib.files("outages")[0].path, ["outages"])

deny contains v if {
	some sid in below
	down := _minutes(downtime_ms[sid])
	msg := sprintf("system %s available %v%% (down %v min that Party B answers for, target %s%%, at most %v min) [%s]", [sid, _pct(downtime_ms[sid]), down, data.params.sla.availability_percent, _minutes(allowed_minutes * 60000), clause])
	v := object.union(lib.violation(msg, _outages_at), {"system_id": sid, "downtime_minutes": down})
}

_tolerance := data.params.baseline.monitoring_max_gap_minutes

# unobserved stretches of the term longer than the tolerance: availability not shown
unobserved[sid] := {g | some g in samples.unobserved(sid); samples.minutes(g) > _tolerance} if {
	some sid in system_ids
}

deny contains v if {
	some sid, gs in unobserved
	count(gs) > 0
	first := min(gs)
	total := sum([samples.minutes(g) | some g in gs])
	msg := sprintf("system %s: no probe sample for %v min of the term in %d stretch(es) over %v min, the first from %s to %s: availability cannot be shown there [%s]", [sid, _minutes(total * 60000), count(gs), _tolerance, lib.local_time(first[0] * samples.ns_per_ms), lib.local_time(first[1] * samples.ns_per_ms), clause])
	v := object.union(lib.violation(msg, _samples_at), {"system_id": sid, "unobserved_minutes": _minutes(total * 60000), "series": samples.series_ids(sid)})
}

_samples_at := sprintf("%s#/series", [lib.files("availability_samples")[0].path]) if {
	count(lib.files("availability_samples")) > 0
} else := "availability_samples#/series"

# ---- shown apart: downtime Party B does not answer for ---------------------------
_x_minutes(x) := _minutes(samples_span_ms(x.o))

samples_span_ms(o) := s[1] - s[0] if {
	s := span(o)
} else := 0

excused := [e |
	some x in outages
	why := excuse.excused(x.o)
	e := {"outage_id": x.o.outage_id, "system_ids": x.o.system_ids, "cause": x.o.cause, "minutes": _x_minutes(x), "why": why, "evidence": x.at}
]

maintenance := [e |
	some x in outages
	approved(x.o)
	e := {"outage_id": x.o.outage_id, "system_ids": x.o.system_ids, "minutes": _x_minutes(x), "approval": x.o.maintenance_approval.reference, "evidence": x.at}
]

# claimed excuses that do not hold: the downtime counts, the reason is shown
not_excused := [e |
	some x in outages
	why := excuse.refused(x.o)
	e := {"outage_id": x.o.outage_id, "system_ids": x.o.system_ids, "cause": x.o.cause, "minutes": _x_minutes(x), "why": why, "evidence": x.at}
]

# per service month and system, counted downtime in minutes (records and probes joined)
months := [m |
	some sm in lib.service_months
	ws := sm.start / samples.ns_per_ms
	we := sm.end / samples.ns_per_ms
	per := {sid: _minutes(d) |
		some sid in system_ids
		d := covered(_all(sid), ws, we)
		d > 0
	}
	m := {"month": sm.label, "downtime_minutes": per}
]

measure := {
	"expected": data.params.sla.availability_percent,
	"actual": min([_pct(downtime_ms[sid]) | some sid in system_ids]),
	"unit": "percent (lowest system)",
	"allowed_downtime_minutes": _minutes(allowed_minutes * 60000),
	"systems": {sid: {"downtime_minutes": _minutes(downtime_ms[sid]), "recorded_minutes": _minutes(recorded_ms[sid]), "availability_percent": _pct(downtime_ms[sid])} | some sid in system_ids},
	"months": months,
	"excused": sort(excused),
	"approved_maintenance": sort(maintenance),
	"not_excused": sort(not_excused),
}
