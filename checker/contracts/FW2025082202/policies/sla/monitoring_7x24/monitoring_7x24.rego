# METADATA
# title: 7x24 monitoring of machine rooms, hardware and applications
# description: >-
#   7x24 小时监控 (第三条 6): for every scope of data.params.baseline.monitoring_scopes
#   (机房环境、硬件设备、应用系统) the monitors of that scope together cover the whole
#   period; a gap longer than data.params.baseline.monitoring_max_gap_minutes (an
#   agreed tolerance, not a contract number) fails. When availability samples are in
#   the bundle, a run of missing samples longer than the tolerance fails too.
# custom:
#   clause: "3.6.a"
#   evidence: [host_monitoring]
#   severity: medium
package contract.sla.monitoring_7x24

import data.contract.lib

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

# availability samples (optional): '-' is a sample the monitoring did not take
deny contains v if {
	some f in lib.files("availability_samples")
	some i, s in f.data.series
	run := floor((tolerance * 60) / s.step_seconds) + 1
	runs := regex.find_n(sprintf("-{%d,}", [run]), s.values, -1)
	count(runs) > 0
	longest := max([count(r) | some r in runs]) * s.step_seconds / 60
	msg := sprintf("series %s (system %s): %d monitoring gap(s) longer than %v minutes, the longest %v minutes [%s]", [s.series_id, s.system_id, count(runs), tolerance, longest, clause])
	v := object.union(lib.violation(msg, lib.pointer(f.path, ["series", i, "values"])), {"gaps": count(runs), "longest_minutes": longest})
}

measure := {
	"scopes": count(data.params.baseline.monitoring_scopes),
	"gaps_over_tolerance": sum([count(gs) | some gs in scope_gaps]),
	"tolerance_minutes": tolerance,
}
