package contract.sla.availability_test

import data.contract.sla.availability as policy

# 2 systems, the contract's 12-month period: 525,600 minutes; 99.99% allows 52.56 min
params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"sla": {"availability_percent": "99.99"},
	"systems": [{"id": "S1"}, {"id": "S2"}],
}

outage(id, systems, from, to) := {"outage_id": id, "system_ids": systems, "started_at": from, "ended_at": to, "cause": "cloud_service", "planned": false}

approval(at) := {"approved_by_role": "party_a", "approved_at": at, "reference": "A-1"}

evidence(list) := {"outages": [{"path": "o.json", "data": {"kind": "outages", "as_of": "2026-09-03T00:00:00+08:00", "outages": list}}]}

test_success_52_minutes_is_within_target if {
	# 52 min <= 52.56 min
	list := [outage("o1", ["S1", "S2"], "2025-10-08T10:00:00+08:00", "2025-10-08T10:52:00+08:00")]
	count(policy.deny) == 0 with input.evidence as evidence(list) with data.params as params
	policy.measure.systems.S1 == {"downtime_minutes": 52, "availability_percent": 99.990107} with input.evidence as evidence(list) with data.params as params
	policy.measure.allowed_downtime_minutes == 52.56 with input.evidence as evidence(list) with data.params as params
}

test_fail_overlapping_outages_count_once_and_exceed if {
	# S1: 10:00-10:30 and 10:20-10:53 overlap: union 53 min > 52.56 -> fails; S2: 30 min passes
	list := [
		outage("o1", ["S1", "S2"], "2025-10-08T10:00:00+08:00", "2025-10-08T10:30:00+08:00"),
		outage("o2", ["S1"], "2025-10-08T10:20:00+08:00", "2025-10-08T10:53:00+08:00"),
	]
	policy.deny == {{
		"msg": "system S1 available 99.989916% (down 53 min, target 99.99%, at most 52.56 min) [3.4.a]",
		"evidence": "o.json#/outages", "system_id": "S1", "downtime_minutes": 53,
	}} with input.evidence as evidence(list) with data.params as params
}

test_success_maintenance_agreed_beforehand_is_excluded if {
	m := object.union(outage("m1", ["S1"], "2025-11-01T01:00:00+08:00", "2025-11-01T05:00:00+08:00"), {"planned": true, "cause": "maintenance", "maintenance_approval": approval("2025-10-25T09:00:00+08:00")})
	count(policy.deny) == 0 with input.evidence as evidence([m]) with data.params as params
}

test_fail_maintenance_agreed_afterwards_counts if {
	m := object.union(outage("m1", ["S1"], "2025-11-01T01:00:00+08:00", "2025-11-01T05:00:00+08:00"), {"planned": true, "cause": "maintenance", "maintenance_approval": approval("2025-11-02T09:00:00+08:00")})
	{v.system_id | some v in policy.deny} == {"S1"} with input.evidence as evidence([m]) with data.params as params
}

test_fail_open_outage_runs_to_as_of if {
	list := [outage("o1", ["S2"], "2026-09-02T23:00:00+08:00", null)]
	policy.measure.systems.S2.downtime_minutes == 60 with input.evidence as evidence(list) with data.params as params
	{v.system_id | some v in policy.deny} == {"S2"} with input.evidence as evidence(list) with data.params as params
}

test_fail_samples_show_unrecorded_downtime if {
	# no outage recorded; per-minute samples of S2 show 53 '0's inside the period
	# (the 2 zeros before the period start do not count)
	samples := {"availability_samples": [{"path": "s.json", "data": {"kind": "availability_samples", "series": [{"series_id": "p", "system_id": "S2", "start": "2025-09-02T23:58:00+08:00", "step_seconds": 60, "values": concat("", ["00", "111", concat("", [x | some _ in numbers.range(1, 53); x := "0"])])}]}}]}
	ev := object.union(evidence([]), samples)
	policy.measure.systems.S2.downtime_minutes == 53 with input.evidence as ev with data.params as params
	{v.system_id | some v in policy.deny} == {"S2"} with input.evidence as ev with data.params as params
}

test_success_downtime_shown_per_service_month if {
	list := [outage("o1", ["S1"], "2025-10-02T23:50:00+08:00", "2025-10-03T00:10:00+08:00")]
	# service month 1 ends 2025-10-03 00:00: 10 min there, 10 min in month 2
	policy.measure.months[0] == {"month": "2025-09", "downtime_minutes": {"S1": 10}} with input.evidence as evidence(list) with data.params as params
	policy.measure.months[1] == {"month": "2025-10", "downtime_minutes": {"S1": 10}} with input.evidence as evidence(list) with data.params as params
}
