package contract.sla.monitoring_7x24_test

import data.contract.sla.monitoring_7x24 as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-09-04T00:00:00+08:00", "months": 1},
	"baseline": {"monitoring_scopes": ["machine_room", "hardware", "application"], "monitoring_max_gap_minutes": 5},
}

day := {"from": "2025-09-03T00:00:00+08:00", "to": "2025-09-04T00:00:00+08:00"}

mon(id, scope, windows) := {"monitor_id": id, "scope": scope, "method": "system", "windows": windows}

good := [mon("m1", "machine_room", [day]), mon("m2", "hardware", [day]), mon("m3", "application", [day])]

evidence(monitors) := {"host_monitoring": [{"path": "mon.json", "data": {"kind": "host_monitoring", "hosts": [], "monitors": monitors}}]}

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
	samples := {"availability_samples": [{"path": "samples.json", "data": {"kind": "availability_samples", "series": [{"series_id": "up-S1", "system_id": "S1", "start": "2025-09-03T00:00:00+08:00", "step_seconds": 60, "values": "111-----11------1------1"}]}}]}
	policy.deny == {{"msg": "series up-S1 (system S1): 2 monitoring gap(s) longer than 5 minutes, the longest 6 minutes [3.6.a]", "evidence": "samples.json#/series/0/values", "gaps": 2, "longest_minutes": 6}} with input.evidence as object.union(evidence(good), samples) with data.params as params
}
