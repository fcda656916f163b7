package contract.services.host_antivirus_test

import data.contract.services.host_antivirus as policy

# A 4-week period with a weekly scan interval: four full intervals.
params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-10-01T00:00:00+08:00"},
	"services": {"2.2.1.5": {"quantity": 2, "unit": "host", "scan_interval_days": 7}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-01T00:00:00+08:00"}

agent(host_id) := {"host_id": host_id, "product": "ClamAV", "centrally_managed": true, "status": "active"}

run(host_id, day, result) := {"run_id": sprintf("%s-%s", [host_id, day]), "host_id": host_id, "started_at": sprintf("2025-09-%sT02:00:00+08:00", [day]), "finished_at": sprintf("2025-09-%sT02:30:00+08:00", [day]), "result": result}

weekly(host_id) := [run(host_id, d, "clean") | some d in ["03", "12", "17", "30"]]

evidence(agents, runs) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2")]}}],
	"antivirus": [{"path": "av.json", "data": {"kind": "antivirus", "agents": agents, "runs": runs}}],
}

good_agents := [agent("h1"), agent("h2")]

test_success_a_run_in_every_interval if {
	runs := array.concat(weekly("h1"), weekly("h2"))
	count(policy.deny) == 0 with input.evidence as evidence(good_agents, runs) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "host", "excluded": 0, "scan_interval_days": 7, "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as evidence(good_agents, runs) with data.params as params
}

test_fail_missed_interval_and_failed_run_not_counted if {
	# h2: no run in 10-16 September; its run of the 24th failed (result error)
	runs := array.concat(weekly("h1"), [run("h2", "03", "clean"), run("h2", "24", "error"), run("h2", "30", "clean")])
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.5]", "evidence": "av.json#/runs", "lowest_at": "2025-09-10T00:00:00+08:00"}} with input.evidence as evidence(good_agents, runs) with data.params as params
	policy.excluded == {{"evidence": "av.json#/agents/1", "reason": "no completed scan run in 2 of 4 scan intervals of 7 days (first missing interval starts 2025-09-10T00:00:00+08:00): not served in those intervals"}} with input.evidence as evidence(good_agents, runs) with data.params as params
}

test_fail_agent_outside_central_control_not_counted if {
	agents := [agent("h1"), object.union(agent("h2"), {"centrally_managed": false})]
	runs := array.concat(weekly("h1"), weekly("h2"))
	policy.excluded == {{"evidence": "av.json#/agents/1", "reason": "no active, centrally managed antivirus agent"}} with input.evidence as evidence(agents, runs) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence(agents, runs) with data.params as params
}

test_fail_host_without_agent_points_to_inventory if {
	runs := array.concat(weekly("h1"), weekly("h2"))
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "no active, centrally managed antivirus agent"}} with input.evidence as evidence([agent("h1")], runs) with data.params as params
}

# reading rule 3: each host counts for the instants it is served; two hosts missing
# different weeks leave one host served at every instant
test_success_hosts_missing_different_intervals_count_as_the_lowest_number if {
	runs := [run("h1", "03", "clean"), run("h1", "17", "clean"), run("h1", "30", "clean"), run("h2", "03", "clean"), run("h2", "12", "clean"), run("h2", "30", "clean")]
	policy.measure.actual == 1 with input.evidence as evidence(good_agents, runs) with data.params as params
	policy.measure.lowest_at == "2025-09-10T00:00:00+08:00" with input.evidence as evidence(good_agents, runs) with data.params as params
}

hosts_late := [host("h1"), object.union(host("h2"), {"in_service_from": "2025-09-29T00:00:00+08:00"})]

# defect (reading rule 3): a host in service only for the last days counted as delivered
test_fail_host_in_service_only_at_the_end_of_the_term if {
	ev := object.union(evidence(good_agents, weekly("h1")), {"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": hosts_late}}]})
	policy.measure.actual == 1 with input.evidence as ev with data.params as params
	count(policy.deny) == 1 with input.evidence as ev with data.params as params
}

# boundary of an interval: a run started at the interval's last second counts for it; the
# next second belongs to the next interval
test_fail_run_at_interval_boundary if {
	at_end := {"run_id": "x", "host_id": "h2", "started_at": "2025-09-16T23:59:59+08:00", "finished_at": "2025-09-17T00:10:00+08:00", "result": "clean"}
	next := object.union(at_end, {"started_at": "2025-09-17T00:00:00+08:00"})
	base := [run("h2", "03", "clean"), run("h2", "20", "clean"), run("h2", "30", "clean")]
	policy.measure.actual == 2 with input.evidence as evidence(good_agents, array.concat(weekly("h1"), array.concat(base, [at_end]))) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence(good_agents, array.concat(weekly("h1"), array.concat(base, [next]))) with data.params as params
}

# a year with weekly intervals: a run in the last nanosecond of interval 51 counts for it
# (exact integer indexes, issue 17: regorus's float quotient put it in interval 52, a
# trailing part-interval, and the host lost interval 51); the next nanosecond does not
year_params := object.union(params, {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.5": {"quantity": 1}},
})

_week_ns := ((7 * 24) * 3600) * 1000000000

year_evidence(last_started_at) := ev if {
	ps := time.parse_rfc3339_ns("2025-09-03T00:00:00+08:00")
	early := [r |
		some k in numbers.range(0, 50)
		t := (ps + (k * _week_ns)) + 7200000000000
		r := {"run_id": sprintf("h1-%d", [k]), "host_id": "h1", "started_at": time.format([t, "Asia/Shanghai", "2006-01-02T15:04:05Z07:00"]), "finished_at": time.format([t + 1800000000000, "Asia/Shanghai", "2006-01-02T15:04:05Z07:00"]), "result": "clean"}
	]
	last := {"run_id": "h1-51", "host_id": "h1", "started_at": last_started_at, "finished_at": "2026-09-02T00:30:00+08:00", "result": "clean"}
	ev := {
		"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1")]}}],
		"antivirus": [{"path": "av.json", "data": {"kind": "antivirus", "agents": [agent("h1")], "runs": array.concat(early, [last])}}],
	}
}

test_success_run_in_the_last_nanosecond_of_interval_51_counts_for_it if {
	ev := year_evidence("2026-09-01T23:59:59.999999999+08:00")
	count(policy.deny) == 0 with input.evidence as ev with data.params as year_params
	policy.measure.actual == 1 with input.evidence as ev with data.params as year_params
}

test_fail_run_at_the_first_nanosecond_of_the_trailing_part_interval if {
	ev := year_evidence("2026-09-02T00:00:00+08:00")
	policy.measure.actual == 0 with input.evidence as ev with data.params as year_params
	count(policy.deny) == 1 with input.evidence as ev with data.params as year_params
}

# a host entering service 1 ns after interval 51 starts does not serve that whole interval:
# no run is owed in it (exact ceil; the float quotient owed one); entering at its very
# start, it is owed
late_host(from) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [object.union(host("h1"), {"in_service_from": from})]}}],
	"antivirus": [{"path": "av.json", "data": {"kind": "antivirus", "agents": [agent("h1")], "runs": []}}],
}

test_success_host_entering_one_nanosecond_into_interval_51_owes_no_run_in_it if {
	policy.missing.h1 == set() with input.evidence as late_host("2026-08-26T00:00:00.000000001+08:00") with data.params as year_params
}

test_fail_host_entering_at_the_start_of_interval_51_owes_a_run_in_it if {
	policy.missing.h1 == {51} with input.evidence as late_host("2026-08-26T00:00:00+08:00") with data.params as year_params
}
