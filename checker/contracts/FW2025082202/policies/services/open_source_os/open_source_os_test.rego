package contract.services.open_source_os_test

import data.contract.services.open_source_os as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {
		"2.2.1.1": {"quantity": 1, "unit": "host", "products": [{"product": "统信 UOS", "names": ["UOS"]}]},
		"2.2.1.2": {"quantity": 2, "unit": "host"},
	},
}

host(id, family, maintained) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "Rocky Linux", "version": "9.4", "family": family, "maintained": maintained}, "in_service_from": "2025-09-03T00:00:00+08:00"}

evidence(hosts) := {"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": hosts}}]}

test_success_two_maintained_open_source_hosts if {
	hosts := [host("h1", "open_source", true), host("h2", "open_source", true), host("h3", "commercial", true)]
	count(policy.deny) == 0 with input.evidence as evidence(hosts) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "host", "excluded": 0, "qualifying_hosts": 2, "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as evidence(hosts) with data.params as params
}

test_fail_unmaintained_host_not_counted if {
	hosts := [host("h1", "open_source", true), host("h2", "open_source", false), host("h3", "commercial", true)]
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.2]", "evidence": "hosts.json#/hosts", "lowest_at": "2025-09-03T00:00:00+08:00"}} with input.evidence as evidence(hosts) with data.params as params
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "OS not maintained by the provider (os.maintained)"}} with input.evidence as evidence(hosts) with data.params as params
}

test_fail_host_entering_service_after_the_period_not_counted if {
	late := object.union(host("h2", "open_source", true), {"in_service_from": "2026-09-03T00:00:00+08:00"})
	policy.measure.actual == 1 with input.evidence as evidence([host("h1", "open_source", true), late]) with data.params as params
	count(policy.deny) == 1 with input.evidence as evidence([host("h1", "open_source", true), late]) with data.params as params
}

# defect (reading rule 3): a host in service from the last month counted for the term
test_fail_host_entering_service_late_in_the_period_is_a_gap if {
	late := object.union(host("h2", "open_source", true), {"in_service_from": "2026-08-03T00:00:00+08:00"})
	policy.measure.actual == 1 with input.evidence as evidence([host("h1", "open_source", true), late]) with data.params as params
}

# boundary: leaving at the period end (at) counts; one second before (below) is a gap
test_fail_leaving_boundary if {
	at := object.union(host("h2", "open_source", true), {"in_service_to": "2026-09-03T00:00:00+08:00"})
	below := object.union(host("h2", "open_source", true), {"in_service_to": "2026-09-02T23:59:59+08:00"})
	above := object.union(host("h2", "open_source", true), {"in_service_to": "2026-09-03T00:00:01+08:00"})
	policy.measure.actual == 2 with input.evidence as evidence([host("h1", "open_source", true), at]) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence([host("h1", "open_source", true), below]) with data.params as params
	policy.measure.actual == 2 with input.evidence as evidence([host("h1", "open_source", true), above]) with data.params as params
}

test_fail_a_commercial_product_labelled_open_source_does_not_count_here if {
	uos := json.patch(host("h2", "open_source", true), [{"op": "replace", "path": "/os/name", "value": "UOS"}])
	policy.measure.actual == 1 with input.evidence as evidence([host("h1", "open_source", true), uos]) with data.params as params
}
