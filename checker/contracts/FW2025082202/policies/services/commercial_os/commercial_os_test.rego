package contract.services.commercial_os_test

import data.contract.services.commercial_os as policy

params := {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.1": {"quantity": 2, "unit": "host"}},
}

host(id, family, licensed) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": family, "licensed": licensed, "maintained": true}, "in_service_from": "2025-09-03T00:00:00+08:00", "in_service_to": null}

evidence(hosts) := {"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": hosts}}]}

test_success_two_licensed_commercial_hosts if {
	hosts := [host("h1", "commercial", true), host("h2", "commercial", true), host("h3", "open_source", false)]
	count(policy.deny) == 0 with input.evidence as evidence(hosts) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "host", "excluded": 0} with input.evidence as evidence(hosts) with data.params as params
}

test_fail_unlicensed_host_not_counted if {
	hosts := [host("h1", "commercial", true), host("h2", "commercial", false)]
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.1]", "evidence": "hosts.json#/hosts"}} with input.evidence as evidence(hosts) with data.params as params
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "no valid licence recorded (os.licensed)"}} with input.evidence as evidence(hosts) with data.params as params
}

test_fail_missing_licence_field_and_retired_host_not_counted if {
	no_licence := json.remove(host("h1", "commercial", true), ["os/licensed"])
	retired := object.union(host("h2", "commercial", true), {"in_service_to": "2025-08-01T00:00:00+08:00"})
	policy.excluded == {
		{"evidence": "hosts.json#/hosts/0", "reason": "no valid licence recorded (os.licensed)"},
		{"evidence": "hosts.json#/hosts/1", "reason": "host not in service during the period"},
	} with input.evidence as evidence([no_licence, retired]) with data.params as params
	policy.measure.actual == 0 with input.evidence as evidence([no_licence, retired]) with data.params as params
}
