package contract.sla.monitoring_7x24_test

import data.contract.sla.monitoring_7x24 as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-09-04T00:00:00+08:00", "months": 1},
	"baseline": {"monitoring_scopes": ["machine_room", "hardware", "application"], "monitoring_max_gap_minutes": 5},
	"systems": [{"id": "S1"}],
}

_ones(n) := concat("", [c | some _ in numbers.range(1, n); c := "1"])

probe(id, values) := {"series_id": id, "system_id": "S1", "start": "2025-09-03T00:00:00+08:00", "step_seconds": 60, "values": values}

probes(series) := {"availability_samples": [{"path": "samples.json", "data": {"kind": "availability_samples", "series": series}}]}

full := probes([probe("up-S1", _ones(1440))])

day := {"from": "2025-09-03T00:00:00+08:00", "to": "2025-09-04T00:00:00+08:00"}

mon(id, scope, windows) := {"monitor_id": id, "scope": scope, "method": "system", "windows": windows}

good := [mon("m1", "machine_room", [day]), mon("m2", "hardware", [day]), mon("m3", "application", [day])]

evidence(monitors) := object.union({"host_monitoring": [{"path": "mon.json", "data": {"kind": "host_monitoring", "hosts": [], "monitors": monitors}}]}, full)

test_success_three_scopes_covered if {
	count(policy.deny) == 0 with input.evidence as evidence(good) with data.params as params
}

test_success_two_monitors_share_a_scope_and_a_short_blip_is_tolerated if {
	app := [
		mon("m3", "application", [{"from": "2025-09-03T00:00:00+08:00", "to": "2025-09-03T12:00:00+08:00"}]),
		mon("m4", "application", [{"from": "2025-09-03T12:04:00+08:00", "to": "2025-09-04T00:00:00+08:00"}]),
	]
	count(policy.deny) == 0 with input.evidence as evidence(array.concat(array.slice(good, 0, 2), app)) with data.params as params
}

test_fail_hardware_monitor_down_for_an_hour_and_no_room_monitor if {
	hw := mon("m2", "hardware", [{"from": "2025-09-03T00:00:00+08:00", "to": "2025-09-03T10:00:00+08:00"}, {"from": "2025-09-03T11:00:00+08:00", "to": "2025-09-04T00:00:00+08:00"}])
	policy.deny == {
		{"msg": "hardware monitoring not running from 2025-09-03T10:00:00+08:00 to 2025-09-03T11:00:00+08:00 (60 minutes, tolerance 5) [3.6.a]", "evidence": "mon.json#/monitors", "scope": "hardware", "from": "2025-09-03T10:00:00+08:00", "to": "2025-09-03T11:00:00+08:00", "minutes": 60},
		{"msg": "machine_room monitoring not running from 2025-09-03T00:00:00+08:00 to 2025-09-04T00:00:00+08:00 (1440 minutes, tolerance 5) [3.6.a]", "evidence": "mon.json#/monitors", "scope": "machine_room", "from": "2025-09-03T00:00:00+08:00", "to": "2025-09-04T00:00:00+08:00", "minutes": 1440},
	} with input.evidence as evidence([hw, good[2]]) with data.params as params
}

test_fail_missing_samples_longer_than_the_tolerance if {
	values := concat("", ["111-----11------1------1", _ones(1416)])
	policy.deny == {{"msg": "system S1 (series up-S1): 2 monitoring gap(s) longer than 5 minutes, the longest 6 minutes, the first from 2025-09-03T00:10:00+08:00 [3.6.a]", "evidence": "samples.json#/series", "system_id": "S1", "gaps": 2, "longest_minutes": 6}} with input.evidence as object.union(evidence(good), probes([probe("up-S1", values)])) with data.params as params
}

test_fail_series_stopping_two_hours_before_the_end_is_a_gap if {
	policy.deny == {{"msg": "system S1 (series up-S1): 1 monitoring gap(s) longer than 5 minutes, the longest 120 minutes, the first from 2025-09-03T22:00:00+08:00 [3.6.a]", "evidence": "samples.json#/series", "system_id": "S1", "gaps": 1, "longest_minutes": 120}} with input.evidence as object.union(evidence(good), probes([probe("up-S1", _ones(1320))])) with data.params as params
}

test_success_a_second_probe_watches_while_the_first_misses if {
	a := concat("", [_ones(100), "----------", _ones(1330)])
	b := concat("", [_ones(95), "-----", _ones(10), "-----", _ones(1325)])
	count(policy.deny) == 0 with input.evidence as object.union(evidence(good), probes([probe("a", a), probe("b", b)])) with data.params as params
}

test_success_gap_of_exactly_the_tolerance if {
	count(policy.deny) == 0 with input.evidence as object.union(evidence(good), probes([probe("a", concat("", [_ones(100), "-----", _ones(1335)]))])) with data.params as params
}

test_fail_gap_one_minute_over_the_tolerance if {
	{v.longest_minutes | some v in policy.deny} == {6} with input.evidence as object.union(evidence(good), probes([probe("a", concat("", [_ones(100), "------", _ones(1334)]))])) with data.params as params
}
