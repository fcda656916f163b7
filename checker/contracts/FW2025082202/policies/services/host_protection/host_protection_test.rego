package contract.services.host_protection_test

import data.contract.services.host_protection as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.6": {"quantity": 2, "unit": "host", "mlps_level": 3, "heartbeat_max_gap_minutes": 10}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

# online from before the period until the last heartbeat after its end
agent(host_id) := {"host_id": host_id, "product": "HostGuard", "status": "active", "mlps_level": 3, "access_control": true, "last_seen_at": "2026-09-03T00:05:00+08:00", "online": [{"from": "2025-09-01T00:00:00+08:00", "to": null}]}

with_online(a, periods) := object.union(a, {"online": periods})

evidence(agents) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2")]}}],
	"host_protection": [{"path": "hp.json", "data": {"kind": "host_protection", "agents": agents}}],
}

test_success_every_host_protected_at_level_3 if {
	count(policy.deny) == 0 with input.evidence as evidence([agent("h1"), agent("h2")]) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "host", "excluded": 0, "mlps_level": 3, "heartbeat_max_gap_minutes": 10, "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as evidence([agent("h1"), agent("h2")]) with data.params as params
}

test_fail_level_2_baseline_not_counted if {
	agents := [agent("h1"), object.union(agent("h2"), {"mlps_level": 2})]
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.6]", "evidence": "hp.json#/agents", "lowest_at": "2025-09-03T00:00:00+08:00"}} with input.evidence as evidence(agents) with data.params as params
	policy.excluded == {{"evidence": "hp.json#/agents/1", "reason": "baseline MLPS level 2, level 3 required"}} with input.evidence as evidence(agents) with data.params as params
}

test_fail_missing_and_inactive_agents if {
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "no host protection agent"}} with input.evidence as evidence([agent("h1")]) with data.params as params
	policy.excluded == {{"evidence": "hp.json#/agents/1", "reason": "agent not active"}} with input.evidence as evidence([agent("h1"), object.union(agent("h2"), {"status": "inactive"})]) with data.params as params
}

# defect: an agent seen once on day 1 (last heartbeat on the first day) counted for the term
test_fail_agent_seen_once_on_day_one_is_not_protection_throughout if {
	stale := object.union(agent("h2"), {"last_seen_at": "2025-09-03T08:00:00+08:00"})
	policy.measure.actual == 1 with input.evidence as evidence([agent("h1"), stale]) with data.params as params
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "not protected for 1 stretch(es) of its time in service, the first from 2025-09-03T08:00:00+08:00 to 2026-09-03T00:00:00+08:00"}} with input.evidence as evidence([agent("h1"), stale]) with data.params as params
}

test_fail_agent_without_status_history if {
	bare := json.remove(agent("h2"), ["online"])
	policy.excluded == {{"evidence": "hp.json#/agents/1", "reason": "no status history of the agent over the period (online)"}} with input.evidence as evidence([agent("h1"), bare]) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence([agent("h1"), bare]) with data.params as params
}

# tolerance boundary: an offline gap of 10 minutes (at) is tolerated; 10 min 1 s (above)
# is a gap; 9 min 59 s (below) is tolerated
gap_agent(to_resume) := with_online(agent("h2"), [{"from": "2025-09-01T00:00:00+08:00", "to": "2026-01-10T10:00:00+08:00"}, {"from": to_resume, "to": null}])

test_fail_heartbeat_gap_boundary if {
	policy.measure.actual == 2 with input.evidence as evidence([agent("h1"), gap_agent("2026-01-10T10:10:00+08:00")]) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence([agent("h1"), gap_agent("2026-01-10T10:10:01+08:00")]) with data.params as params
	policy.measure.lowest_at == "2026-01-10T10:00:00+08:00" with input.evidence as evidence([agent("h1"), gap_agent("2026-01-10T10:10:01+08:00")]) with data.params as params
	policy.measure.actual == 2 with input.evidence as evidence([agent("h1"), gap_agent("2026-01-10T10:09:59+08:00")]) with data.params as params
}

# status history must reach the period end: the last heartbeat one second before it ends
test_fail_status_stops_before_the_end if {
	short := object.union(agent("h2"), {"last_seen_at": "2026-09-02T23:49:59+08:00"})
	policy.measure.actual == 1 with input.evidence as evidence([agent("h1"), short]) with data.params as params
	ok := object.union(agent("h2"), {"last_seen_at": "2026-09-02T23:50:00+08:00"})
	policy.measure.actual == 2 with input.evidence as evidence([agent("h1"), ok]) with data.params as params
}

test_success_agent_replaced_without_gap_counts_the_host_once if {
	old := with_online(object.union(agent("h2"), {"status": "active", "product": "OldGuard"}), [{"from": "2025-09-01T00:00:00+08:00", "to": "2026-02-01T00:00:00+08:00"}])
	new := with_online(agent("h2"), [{"from": "2026-02-01T00:00:00+08:00", "to": null}])
	agents := [agent("h1"), old, new, object.union(agent("h2"), {"status": "uninstalled"})]
	policy.measure.actual == 2 with input.evidence as evidence(agents) with data.params as params
	count(policy.excluded) == 0 with input.evidence as evidence(agents) with data.params as params
}
