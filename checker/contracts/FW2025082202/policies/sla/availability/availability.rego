# METADATA
# title: Platform availability at least 99.99% per information system
# description: >-
#   第三条 4: 云平台整体可用性应不低于 sla.availability_percent. Each information system's
#   downtime is the union of its outage intervals clipped to the service period (an open
#   outage runs to the export time as_of); where availability samples are given for a
#   system, the '0' samples inside the period are counted too and the larger of the two
#   figures is the system's downtime. Planned maintenance is excluded only when Party A's
#   agreement is dated before it started. A system fails when
#   (period - downtime) / period < target; 99.99% of 525,600 minutes allows 52.56 minutes.
#   Downtime is also reported per service month (shown, not judged). Exact: times in
#   milliseconds and the target percent as an integer ratio (no float rounding).
# custom:
#   clause: "3.4.a"
#   evidence: [outages]
#   severity: high
package contract.sla.availability

import data.contract.lib

clause := "3.4.a"

_ns_per_ms := 1000 * 1000

_ms(ts) := lib.ns(ts) / _ns_per_ms

_period_start := lib.period_start / _ns_per_ms

_period_end := lib.period_end / _ns_per_ms

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

_end(o) := _ms(o.ended_at) if {
	o.ended_at != null
} else := _as_of

system_ids := {s.id | some s in data.params.systems}

# counted outage intervals of a system, clipped to the period, sorted by start (ms)
intervals[sid] := sort([[s, e] |
	some x in outages
	not approved(x.o)
	sid in x.o.system_ids
	s := max({_ms(x.o.started_at), _period_start})
	e := min({_end(x.o), _period_end})
	s < e
]) if {
	some sid in system_ids
}

# covered(iv, ws, we): length of the union of sorted intervals iv inside [ws, we), in ms
covered(iv, ws, we) := sum([d |
	some i, x in iv
	prev := max(array.concat([ws], [y[1] | some j, y in iv; j < i]))
	start := max({x[0], prev})
	e := min({x[1], we})
	d := max({0, e - start})
])

# ---- monitoring samples (optional kind availability_samples) ---------------------
_series contains s if {
	some f in lib.files("availability_samples")
	some s in f.data.series
}

# '0' samples of a series inside [ws, we), in ms of downtime
_zeros(s, ws, we) := n if {
	step := s.step_seconds * 1000
	first := max({0, ceil((ws - _ms(s.start)) / step)})
	last := min({count(s.values), ceil((we - _ms(s.start)) / step)})
	n := strings.count(substring(s.values, first, max({0, last - first})), "0") * step
}

# sampled downtime of a system in the period, approved maintenance windows taken out
sampled_ms[sid] := total if {
	some sid in system_ids
	mine := [s | some s in _series; s.system_id == sid]
	count(mine) > 0
	raw := sum([_zeros(s, _period_start, _period_end) | some s in mine])
	maint := sum([_zeros(s, max({_ms(x.o.started_at), _period_start}), min({_end(x.o), _period_end})) |
		some s in mine
		some x in outages
		approved(x.o)
		sid in x.o.system_ids
	])
	total := raw - maint
}

recorded_ms[sid] := covered(intervals[sid], _period_start, _period_end) if {
	some sid in system_ids
}

downtime_ms[sid] := max({recorded_ms[sid], object.get(sampled_ms, sid, 0)}) if {
	some sid in system_ids
}

# availability holds when (period - downtime) * 100 * den >= num * period
_below(sid) if {
	((period_ms - downtime_ms[sid]) * 100) * _target.den < _target.num * period_ms
}

below := {sid | some sid in system_ids; _below(sid)}

# percent with 6 decimals (informative)
_pct(down) := round((((period_ms - down) * 100) / period_ms) * _ns_per_ms) / _ns_per_ms

_minutes(v) := round((v / 60000) * 100) / 100

deny contains v if {
	some sid in below
	some f in lib.files("outages")
	down := _minutes(downtime_ms[sid])
	msg := sprintf("system %s available %v%% (down %v min, target %s%%, at most %v min) [%s]", [sid, _pct(downtime_ms[sid]), down, data.params.sla.availability_percent, _minutes(allowed_minutes * 60000), clause])
	v := object.union(lib.violation(msg, lib.pointer(f.path, ["outages"])), {"system_id": sid, "downtime_minutes": down})
}

# per service month and system, downtime in minutes from the outage records
months := [m |
	some sm in lib.service_months
	per := {sid: _minutes(d) |
		some sid in system_ids
		d := covered(intervals[sid], sm.start / _ns_per_ms, sm.end / _ns_per_ms)
		d > 0
	}
	m := {"month": sm.label, "downtime_minutes": per}
]

measure := {
	"expected": data.params.sla.availability_percent,
	"actual": min([_pct(downtime_ms[sid]) | some sid in system_ids]),
	"unit": "percent (lowest system)",
	"allowed_downtime_minutes": _minutes(allowed_minutes * 60000),
	"systems": {sid: {"downtime_minutes": _minutes(downtime_ms[sid]), "availability_percent": _pct(downtime_ms[sid])} | some sid in system_ids},
	"months": months,
}
