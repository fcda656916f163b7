# METADATA
# title: Availability probe samples, shared by 3.4.a and 3.6.a
# description: >-
#   Reads the availability_samples kind once: the minutes each probe saw its system down
#   ('0') and the time no probe of a system took a sample ('-', or before a series starts
#   or after it stops: a series that stops before the end of the term leaves a gap, it is
#   not silence). Several probes of one system are joined: a minute is down when any probe
#   saw it down (union, counted once), observed when any probe took a sample. All times in
#   milliseconds, clipped to the service period.
package contract.sla.samples

import data.contract.lib

ns_per_ms := 1000 * 1000

ms(ts) := lib.ns(ts) / ns_per_ms

period_start := lib.period_start / ns_per_ms

period_end := lib.period_end / ns_per_ms

series contains {"s": s, "at": lib.pointer(f.path, ["series", i])} if {
	some f in lib.files("availability_samples")
	some i, s in f.data.series
}

_step(s) := s.step_seconds * 1000

# down(sid): the [from, to) ms intervals, one per '0' sample, in which a probe of sid saw
# it down, clipped to the period (probes on one grid give equal pairs: a set keeps one)
down(sid) := {[max({t, period_start}), min({t + _step(x.s), period_end})] |
	some x in series
	x.s.system_id == sid
	some i in indexof_n(x.s.values, "0")
	t := ms(x.s.start) + (i * _step(x.s))
	t < period_end
	t + _step(x.s) > period_start
}

# observed windows of one series: its span cut at each '-' sample (the pieces between the
# dashes, piece k ending where the lengths of pieces 0..k and their dashes add up to)
_observed(s) := [[ms(s.start) + (a * _step(s)), ms(s.start) + (b * _step(s))] |
	pieces := split(s.values, "-")
	ends := lib.prefix_sums([n | some p in pieces; n := count(p) + 1])
	some k, p in pieces
	b := ends[k] - 1
	a := b - count(p)
	a < b
]

# unobserved(sid): the parts of the period no probe of sid took a sample in, [from, to) ms
unobserved(sid) := lib.gaps([w | some x in series; x.s.system_id == sid; some w in _observed(x.s)], period_start, period_end)

# the series of a system, for messages
series_ids(sid) := sort([x.s.series_id | some x in series; x.s.system_id == sid])

minutes(iv) := (iv[1] - iv[0]) / 60000
