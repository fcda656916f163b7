package contract.services.host_protection_test

import data.contract.services.host_protection as policy

params := {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.6": {"quantity": 2, "unit": "host", "mlps_level": 3}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

agent(host_id) := {"host_id": host_id, "product": "HostGuard", "status": "active", "mlps_level": 3, "access_control": true, "last_seen_at": "2026-09-02T23:00:00+08:00"}

evidence(agents) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2")]}}],
	"host_protection": [{"path": "hp.json", "data": {"kind": "host_protection", "agents": agents}}],
}

test_success_every_host_protected_at_level_3 if {
	count(policy.deny) == 0 with input.evidence as evidence([agent("h1"), agent("h2")]) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "host", "excluded": 0, "mlps_level": 3} with input.evidence as evidence([agent("h1"), agent("h2")]) with data.params as params
}

test_fail_level_2_baseline_not_counted if {
	agents := [agent("h1"), object.union(agent("h2"), {"mlps_level": 2})]
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.6]", "evidence": "hp.json#/agents"}} with input.evidence as evidence(agents) with data.params as params
	policy.excluded == {{"evidence": "hp.json#/agents/1", "reason": "baseline MLPS level 2, level 3 required"}} with input.evidence as evidence(agents) with data.params as params
}

test_fail_missing_inactive_and_stale_agents if {
	stale := object.union(agent("h1"), {"last_seen_at": "2025-08-01T00:00:00+08:00"})
	policy.excluded == {
		{"evidence": "hp.json#/agents/0", "reason": "agent not seen during the period (last_seen_at)"},
		{"evidence": "hosts.json#/hosts/1", "reason": "no host protection agent"},
	} with input.evidence as evidence([stale]) with data.params as params
	policy.excluded == {{"evidence": "hp.json#/agents/1", "reason": "agent not active"}} with input.evidence as evidence([agent("h1"), object.union(agent("h2"), {"status": "inactive"})]) with data.params as params
}

test_success_a_second_good_agent_record_counts_the_host_once if {
	agents := [agent("h1"), object.union(agent("h2"), {"status": "uninstalled"}), agent("h2"), agent("h2")]
	policy.measure.actual == 2 with input.evidence as evidence(agents) with data.params as params
	count(policy.excluded) == 0 with input.evidence as evidence(agents) with data.params as params
}
