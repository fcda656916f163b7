package contract.sla.availability_test

import data.contract.sla.availability as policy

# 2 systems, the contract's 12-month period: 525,600 minutes; 99.99% allows 52.56 min
params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"sla": {"availability_percent": "99.99"},
	"baseline": {"monitoring_max_gap_minutes": 5},
	"force_majeure": {"notice_within_hours": 24, "proof_within_days": 15, "proof_issuer_kinds": ["government", "notary"], "written_forms": ["letter", "email", "fax"]},
	"systems": [{"id": "S1"}, {"id": "S2"}],
}

# one day of the same period, for per-minute probe tests (1,440 samples)
day := object.union(params, {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-09-04T00:00:00+08:00", "months": 1}, "sla": {"availability_percent": "99"}})

# a calendar covering October 2025: 1-8 October National Day, 11 October an adjusted working day
calendar := {"first_day": "2025-01-01", "last_day": "2025-12-31", "working_days": [d |
	some n in numbers.range(9, 31)
	d := sprintf("2025-10-%02d", [n])
	not d in {"2025-10-12", "2025-10-18", "2025-10-19", "2025-10-25", "2025-10-26"}
]}

outage(id, systems, from, to) := {"outage_id": id, "system_ids": systems, "started_at": from, "ended_at": to, "cause": "cloud_service", "planned": false}

approval(at) := {"approved_by_role": "party_a", "approved_at": at, "reference": "A-1"}

# a year of daily '1' samples for each system: observed, never down
_ones(n) := concat("", [c | some _ in numbers.range(1, n); c := "1"])

_zeros(n) := concat("", [c | some _ in numbers.range(1, n); c := "0"])

year_series := [{"series_id": sprintf("%s-d", [s]), "system_id": s, "start": "2025-09-03T00:00:00+08:00", "step_seconds": 86400, "values": _ones(365)} | some s in ["S1", "S2"]]

samples(series) := {"availability_samples": [{"path": "s.json", "data": {"kind": "availability_samples", "series": series}}]}

evidence(list) := object.union({"outages": [{"path": "o.json", "data": {"kind": "outages", "as_of": "2026-09-03T00:00:00+08:00", "outages": list}}]}, samples(year_series))

down_s1(seconds) := [outage("o1", ["S1"], "2025-10-08T10:00:00+08:00", time.format([time.parse_rfc3339_ns("2025-10-08T10:00:00+08:00") + (seconds * 1000000000), "Asia/Shanghai", "2006-01-02T15:04:05.999999999Z07:00"]))]

# ---- the 99.99% threshold: 52.56 min = 3,153.6 s -----------------------------------------
test_success_boundary_52_56_minutes_is_exactly_99_99 if {
	# 52 min 33.6 s: (525600 - 52.56) / 525600 = 99.99% exactly: 不低于 includes it
	ev := evidence(down_s1(3153.6))
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure.systems.S1.downtime_minutes == 52.56 with input.evidence as ev with data.params as params
	policy.measure.allowed_downtime_minutes == 52.56 with input.evidence as ev with data.params as params
}

test_success_one_second_below_the_boundary if {
	count(policy.deny) == 0 with input.evidence as evidence(down_s1(3152.6)) with data.params as params
}

test_fail_one_second_above_the_boundary if {
	{v.system_id | some v in policy.deny} == {"S1"} with input.evidence as evidence(down_s1(3154.6)) with data.params as params
}

test_success_52_minutes_is_within_target if {
	list := [outage("o1", ["S1", "S2"], "2025-10-08T10:00:00+08:00", "2025-10-08T10:52:00+08:00")]
	count(policy.deny) == 0 with input.evidence as evidence(list) with data.params as params
	policy.measure.systems.S1.availability_percent == 99.990107 with input.evidence as evidence(list) with data.params as params
}

test_fail_overlapping_outages_count_once_and_exceed if {
	# S1: 10:00-10:30 and 10:20-10:53 overlap: union 53 min > 52.56 -> fails; S2: 30 min passes
	list := [
		outage("o1", ["S1", "S2"], "2025-10-08T10:00:00+08:00", "2025-10-08T10:30:00+08:00"),
		outage("o2", ["S1"], "2025-10-08T10:20:00+08:00", "2025-10-08T10:53:00+08:00"),
	]
	policy.deny == {{
		"msg": "system S1 available 99.989916% (down 53 min that Party B answers for, target 99.99%, at most 52.56 min) [3.4.a]",
		"evidence": "o.json#/outages", "system_id": "S1", "downtime_minutes": 53,
	}} with input.evidence as evidence(list) with data.params as params
}

test_success_maintenance_agreed_beforehand_is_excluded if {
	m := object.union(outage("m1", ["S1"], "2025-11-01T01:00:00+08:00", "2025-11-01T05:00:00+08:00"), {"planned": true, "cause": "maintenance", "maintenance_approval": approval("2025-10-25T09:00:00+08:00")})
	count(policy.deny) == 0 with input.evidence as evidence([m]) with data.params as params
	[x.outage_id | some x in policy.measure.approved_maintenance] == ["m1"] with input.evidence as evidence([m]) with data.params as params
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

test_success_downtime_shown_per_service_month if {
	list := [outage("o1", ["S1"], "2025-10-02T23:50:00+08:00", "2025-10-03T00:10:00+08:00")]
	# service month 1 ends 2025-10-03 00:00: 10 min there, 10 min in month 2
	policy.measure.months[0] == {"month": "2025-09", "downtime_minutes": {"S1": 10}} with input.evidence as evidence(list) with data.params as params
	policy.measure.months[1] == {"month": "2025-10", "downtime_minutes": {"S1": 10}} with input.evidence as evidence(list) with data.params as params
}

# ---- downtime Party B does not answer for (reading rule 4) ------------------------------
fm_outage(claim) := object.union(outage("f1", ["S1"], "2025-10-08T10:00:00+08:00", "2025-10-08T15:00:00+08:00"), {"cause": "force_majeure", "force_majeure_id": claim})

claim(proof_at, issuer) := {
	"claim_id": "FM-1", "claimed_by_role": "party_b",
	"event": {"type": "network_operator_core_failure", "occurred_at": "2025-10-08T09:55:00+08:00", "description": "core router failure"},
	"notice": {"delivered_at": "2025-10-08T11:00:00+08:00", "to_role": "party_a", "form": "letter", "reference": "N-1"},
	"proof": {"issuer_kind": issuer, "issuer_role": "notary office", "issued_on": "2025-10-20", "delivered_at": proof_at, "reference": "P-1"},
}

fm(c) := {"force_majeure": [{"path": "fm.json", "data": {"kind": "force_majeure", "as_of": "2026-09-03T00:00:00+08:00", "claims": [c]}}]}

test_success_force_majeure_with_notice_and_proof_is_shown_apart if {
	ev := object.union(evidence([fm_outage("FM-1")]), fm(claim("2025-10-20T10:00:00+08:00", "notary")))
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
	[[x.outage_id, x.minutes] | some x in policy.measure.excused] == [["f1", 300]] with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_force_majeure_without_a_government_or_notary_proof_counts if {
	ev := object.union(evidence([fm_outage("FM-1")]), fm(claim("2025-10-20T10:00:00+08:00", "network_operator")))
	{v.system_id | some v in policy.deny} == {"S1"} with input.evidence as ev with data.params as params with data.calendar as calendar
	[x.why | some x in policy.measure.not_excused] == ["force-majeure claim FM-1: proof issued by network_operator (notary office), not a government body or notary"] with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_force_majeure_claim_absent_counts if {
	# without the force_majeure kind nothing is excused: the verdict can only get stricter
	{v.system_id | some v in policy.deny} == {"S1"} with input.evidence as evidence([fm_outage("FM-1")]) with data.params as params with data.calendar as calendar
}

responsible(cause, role, designated) := object.union(outage("p1", ["S2"], "2025-10-08T10:00:00+08:00", "2025-10-08T12:00:00+08:00"), {
	"cause": cause,
	"responsibility": {"confirmed_by_role": role, "confirmed_at": "2025-10-09T10:00:00+08:00", "reference": "R-1", "designated_by_party_a": designated},
})

test_success_party_a_system_and_designated_provider_confirmed_by_party_a if {
	list := [responsible("party_a", "party_a", false), object.union(responsible("third_party", "supervision_provider", true), {"outage_id": "p2"})]
	count(policy.deny) == 0 with input.evidence as evidence(list) with data.params as params
	count(policy.measure.excused) == 2 with input.evidence as evidence(list) with data.params as params
}

test_fail_cause_confirmed_only_by_party_b_counts if {
	{v.system_id | some v in policy.deny} == {"S2"} with input.evidence as evidence([responsible("party_a", "party_b", false)]) with data.params as params
}

test_fail_third_party_not_designated_by_party_a_counts if {
	ev := evidence([responsible("third_party", "party_a", false)])
	{v.system_id | some v in policy.deny} == {"S2"} with input.evidence as ev with data.params as params
	[x.why | some x in policy.measure.not_excused] == ["the third-party provider is not shown to be designated by Party A (第九条 14)"] with input.evidence as ev with data.params as params
}

# ---- probes: union of minutes, gaps -------------------------------------------------------
day_series(id, sid, values) := {"series_id": id, "system_id": sid, "start": "2025-09-03T00:00:00+08:00", "step_seconds": 60, "values": values}

day_ev(series, list) := {
	"outages": [{"path": "o.json", "data": {"kind": "outages", "as_of": "2025-09-04T00:00:00+08:00", "outages": list}}],
	"availability_samples": [{"path": "s.json", "data": {"kind": "availability_samples", "series": series}}],
}

ok_s2 := day_series("S2-a", "S2", _ones(1440))

test_success_two_probes_down_in_the_same_minutes_count_them_once if {
	# 99% of 1,440 min allows 14.4 min; two probes each see the same 10 minutes down:
	# union 10 min (a sum would give 20 and fail)
	values := concat("", [_ones(100), _zeros(10), _ones(1330)])
	ev := day_ev([day_series("S1-a", "S1", values), day_series("S1-b", "S1", values), ok_s2], [])
	count(policy.deny) == 0 with input.evidence as ev with data.params as day
	policy.measure.systems.S1.downtime_minutes == 10 with input.evidence as ev with data.params as day
}

test_fail_two_probes_overlapping_downtime_union_exceeds if {
	# probe a down minutes 100-109, probe b 105-114: union 15 min > 14.4
	a := concat("", [_ones(100), _zeros(10), _ones(1330)])
	b := concat("", [_ones(105), _zeros(10), _ones(1325)])
	ev := day_ev([day_series("S1-a", "S1", a), day_series("S1-b", "S1", b), ok_s2], [])
	policy.measure.systems.S1.downtime_minutes == 15 with input.evidence as ev with data.params as day
	{v.system_id | some v in policy.deny} == {"S1"} with input.evidence as ev with data.params as day
}

test_success_a_record_and_the_probe_of_the_same_minutes_count_once if {
	values := concat("", [_ones(100), _zeros(10), _ones(1330)])
	list := [outage("o1", ["S1"], "2025-09-03T01:40:00+08:00", "2025-09-03T01:50:00+08:00")]
	ev := day_ev([day_series("S1-a", "S1", values), ok_s2], list)
	policy.measure.systems.S1.downtime_minutes == 10 with input.evidence as ev with data.params as day
}

test_success_probe_minutes_inside_approved_maintenance_do_not_count if {
	values := concat("", [_ones(100), _zeros(60), _ones(1280)])
	m := object.union(outage("m1", ["S1"], "2025-09-03T01:40:00+08:00", "2025-09-03T02:40:00+08:00"), {"planned": true, "cause": "maintenance", "maintenance_approval": approval("2025-09-01T09:00:00+08:00")})
	ev := day_ev([day_series("S1-a", "S1", values), ok_s2], [m])
	count(policy.deny) == 0 with input.evidence as ev with data.params as day
	policy.measure.systems.S1.downtime_minutes == 0 with input.evidence as ev with data.params as day
}

test_fail_series_stopping_before_the_end_of_the_term_is_a_gap if {
	# S1's only probe stops at 23:00: 60 minutes of the term unobserved
	ev := day_ev([day_series("S1-a", "S1", _ones(1380)), ok_s2], [])
	policy.deny == {{
		"msg": "system S1: no probe sample for 60 min of the term in 1 stretch(es) over 5 min, the first from 2025-09-03T23:00:00+08:00 to 2025-09-04T00:00:00+08:00: availability cannot be shown there [3.4.a]",
		"evidence": "s.json#/series", "system_id": "S1", "unobserved_minutes": 60, "series": ["S1-a"],
	}} with input.evidence as ev with data.params as day
}

test_fail_system_without_any_probe if {
	ev := day_ev([ok_s2], [])
	{[v.system_id, v.unobserved_minutes] | some v in policy.deny} == {["S1", 1440]} with input.evidence as ev with data.params as day
}

test_success_second_probe_covers_the_first_ones_gap if {
	ev := day_ev([day_series("S1-a", "S1", _ones(1380)), day_series("S1-b", "S1", concat("", [_ones(1300), _zeros(0), "-", _ones(139)])), ok_s2], [])
	count(policy.deny) == 0 with input.evidence as ev with data.params as day
}

test_success_gap_of_exactly_the_tolerance if {
	# 5 missed samples = 5 min: not longer than the tolerance
	ev := day_ev([day_series("S1-a", "S1", concat("", [_ones(700), "-----", _ones(735)])), ok_s2], [])
	count(policy.deny) == 0 with input.evidence as ev with data.params as day
}

test_success_gap_one_minute_under_the_tolerance if {
	ev := day_ev([day_series("S1-a", "S1", concat("", [_ones(700), "----", _ones(736)])), ok_s2], [])
	count(policy.deny) == 0 with input.evidence as ev with data.params as day
}

test_fail_gap_one_minute_over_the_tolerance if {
	ev := day_ev([day_series("S1-a", "S1", concat("", [_ones(700), "------", _ones(734)])), ok_s2], [])
	{[v.system_id, v.unobserved_minutes] | some v in policy.deny} == {["S1", 6]} with input.evidence as ev with data.params as day
}

# ---- probe minutes worked out per run of '0' samples: edges of the runs ------------------
_maintenance(id, from, to) := object.union(outage(id, ["S1"], from, to), {"planned": true, "cause": "maintenance", "maintenance_approval": approval("2025-09-01T09:00:00+08:00")})

test_success_window_cutting_a_run_mid_minute_takes_out_the_minutes_starting_in_it if {
	# down 01:40-01:50; maintenance 01:42:30-01:45:30 takes the minutes starting 01:43,
	# 01:44 and 01:45: 7 of the 10 count
	values := concat("", [_ones(100), _zeros(10), _ones(1330)])
	ev := day_ev([day_series("S1-a", "S1", values), ok_s2], [_maintenance("m1", "2025-09-03T01:42:30+08:00", "2025-09-03T01:45:30+08:00")])
	policy.measure.systems.S1.downtime_minutes == 7 with input.evidence as ev with data.params as day
}

_off_grid(values) := {"series_id": "S1-x", "system_id": "S1", "start": "2025-09-02T23:59:30+08:00", "step_seconds": 60, "values": values}

test_success_runs_across_the_period_bounds_are_clipped if {
	# samples from 23:59:30 the day before: the first covers 30 s of the period, the one
	# from 23:59:30 the last 30 s, the one from 00:00:30 the next day none
	values := concat("", ["000", _ones(1437), "00"])
	ev := day_ev([_off_grid(values), ok_s2], [])
	policy.measure.systems.S1.downtime_minutes == 3 with input.evidence as ev with data.params as day
}

test_success_window_from_the_period_start_takes_out_the_clipped_first_minute if {
	# maintenance to 00:01:00 (clipped to start at the period start): the samples from
	# 23:59:30 (clipped to 00:00) and 00:00:30 start in it; 00:01:30 and the last half minute count
	values := concat("", ["000", _ones(1437), "00"])
	ev := day_ev([_off_grid(values), ok_s2], [_maintenance("m1", "2025-09-02T23:00:00+08:00", "2025-09-03T00:01:00+08:00")])
	policy.measure.systems.S1.downtime_minutes == 1.5 with input.evidence as ev with data.params as day
}

test_fail_a_flapping_probe_counts_every_run if {
	# 100 separate down minutes (more runs than one block of lib.prefix_sums)
	values := concat("", [concat("", [p | some _ in numbers.range(1, 100); p := "01"]), _ones(1240)])
	ev := day_ev([day_series("S1-a", "S1", values), ok_s2], [])
	policy.measure.systems.S1.downtime_minutes == 100 with input.evidence as ev with data.params as day
	{v.system_id | some v in policy.deny} == {"S1"} with input.evidence as ev with data.params as day
}
