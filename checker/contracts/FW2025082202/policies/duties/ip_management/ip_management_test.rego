package contract.duties.ip_management_test

import data.contract.duties.ip_management as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}}

alloc(ip, req, at, released) := {"ip": ip, "system_id": "S1", "request_id": req, "allocated_at": at, "released_at": released}

request(id, at, n) := {"request_id": id, "requested_at": at, "system_id": "S1", "count": n}

host(id, ip) := {"host_id": id, "hostname": id, "ip": ip, "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-01-01T00:00:00+08:00"}

evidence(requests, allocations, hosts) := {
	"ip_register": [{"path": "ip.json", "data": {"kind": "ip_register", "as_of": "2026-09-10T00:00:00+08:00", "requests": requests, "allocations": allocations}}],
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": hosts}}],
}

test_success_requests_answered_and_hosts_registered if {
	ev := evidence(
		[request("R1", "2025-10-01T10:00:00+08:00", 2)],
		[
			alloc("10.0.0.2", null, "2025-01-01T00:00:00+08:00", null),
			alloc("10.0.0.3", "R1", "2025-10-02T10:00:00+08:00", null),
			alloc("10.0.0.4", "R1", "2025-10-02T10:00:00+08:00", "2026-01-01T00:00:00+08:00"),
			alloc("10.0.0.4", null, "2026-02-01T00:00:00+08:00", null),
		],
		[host("h1", "10.0.0.2")],
	)
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"requests": 1, "allocations": 4} with input.evidence as ev with data.params as params
}

test_fail_short_request_double_allocation_and_unregistered_host if {
	ev := evidence(
		[request("R1", "2025-10-01T10:00:00+08:00", 2)],
		[
			alloc("10.0.0.3", "R1", "2025-10-02T10:00:00+08:00", null),
			alloc("10.0.0.5", "R1", "2025-09-30T10:00:00+08:00", null),
			alloc("10.0.0.3", null, "2026-02-01T00:00:00+08:00", null),
		],
		[host("h1", "10.0.0.2")],
	)
	policy.deny == {
		{"msg": "request R1 of S1 asked for 2 addresses, 1 allocated [9.7]", "evidence": "ip.json#/requests/0"},
		{"msg": "address 10.0.0.3 allocated twice at overlapping times (ip.json#/allocations/0, ip.json#/allocations/2) [9.7]", "evidence": "ip.json#/allocations/2", "other": "ip.json#/allocations/0"},
		{"msg": "host h1 in service has address 10.0.0.2, which the register does not hold [9.7]", "evidence": "hosts.json#/hosts/0/ip"},
	} with input.evidence as ev with data.params as params
}
