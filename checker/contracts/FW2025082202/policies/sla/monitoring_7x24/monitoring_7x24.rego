# METADATA
# title: 7x24 monitoring of machine rooms, hardware and applications
# description: >-
#   7x24 小时监控 (第三条 6): for every scope of data.params.baseline.monitoring_scopes
#   (机房环境、硬件设备、应用系统) the monitors of that scope together cover the whole
#   period; a gap longer than data.params.baseline.monitoring_max_gap_minutes (an
#   agreed tolerance, not a contract number) fails. The availability probes of every
#   information system (availability_samples, required) must leave no stretch of the term
#   unobserved longer than the tolerance: missed samples, a series starting late or stopping
#   before the end of the term are gaps, not silence; the probes of one system count together.
# custom:
#   clause: "3.6.a"
#   evidence: [host_monitoring, availability_samples]
#   severity: medium
package contract.sla.monitoring_7x24

import data.contract.lib
import data.contract.sla.samples

clause := "3.6.a"

tolerance := data.params.baseline.monitoring_max_gap_minutes

windows[scope] contains [lib.ns(w.from), lib.ns(w.to)] if {
	some f in lib.files("host_monitoring")
	some m in f.data.monitors
	scope := m.scope
	some w in m.windows
}

scope_gaps[scope] := gs if {
	some scope in data.params.baseline.monitoring_scopes
	gs := {g | some g in lib.gaps([w | some w in object.get(windows, scope, set())], lib.period_start, lib.period_end); lib.gap_minutes(g) > tolerance}
}

_at := lib.pointer(lib.files("host_monitoring")[0].path, ["monitors"])

deny contains v if {
	some scope, gs in scope_gaps
	some g in gs
	minutes := lib.gap_minutes(g)
	msg := sprintf("%s monitoring not running from %s to %s (%v minutes, tolerance %v) [%s]", [scope, lib.local_time(g[0]), lib.local_time(g[1]), minutes, tolerance, clause])
	v := object.union(lib.violation(msg, _at), {"scope": scope, "from": lib.local_time(g[0]), "to": lib.local_time(g[1]), "minutes": minutes})
}

# availability probes (required): the time no probe of a system took a sample ('-', before
# a series starts, after it stops) is a monitoring gap of that application system; several
# probes of one system watch it together (union)
sample_gaps[sid] := gs if {
	some s in data.params.systems
	sid := s.id
	gs := {g | some g in samples.unobserved(sid); samples.minutes(g) > tolerance}
}

deny contains v if {
	some sid, gs in sample_gaps
	count(gs) > 0
	longest := max([samples.minutes(g) | some g in gs])
	first := min(gs)
	msg := sprintf("system %s (series %s): %d monitoring gap(s) longer than %v minutes, the longest %v minutes, the first from %s [%s]", [sid, concat(", ", samples.series_ids(sid)), count(gs), tolerance, longest, lib.local_time(first[0] * samples.ns_per_ms), clause])
	v := object.union(lib.violation(msg, _samples_at), {"system_id": sid, "gaps": count(gs), "longest_minutes": longest})
}

_samples_at := sprintf("%s#/series", [lib.files("availability_samples")[0].path]) if {
	count(lib.files("availability_samples")) > 0
} else := "availability_samples#/series"

measure := {
	"scopes": count(data.params.baseline.monitoring_scopes),
	"gaps_over_tolerance": sum([count(gs) | some gs in scope_gaps]),
	"tolerance_minutes": tolerance,
	"sample_gaps_over_tolerance": sum([count(gs) | some gs in sample_gaps]),
}
