package contract.services.commercial_os_test

import data.contract.services.commercial_os as policy

products := [
	{"product": "Windows Server", "names": ["Windows Server"]},
	{"product": "银河麒麟 Kylin", "names": ["Kylin", "银河麒麟"]},
	{"product": "统信 UOS", "names": ["UOS", "统信UOS"]},
]

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.1": {"quantity": 2, "unit": "host", "products": products}},
}

host(id, family, licensed) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": family, "licensed": licensed, "maintained": true}, "in_service_from": "2025-09-03T00:00:00+08:00", "in_service_to": null}

named(id, name) := json.patch(host(id, "commercial", true), [{"op": "replace", "path": "/os/name", "value": name}])

window(h, from, to) := object.union(h, {"in_service_from": from, "in_service_to": to})

evidence(hosts) := {"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": hosts}}]}

test_success_two_licensed_commercial_hosts if {
	hosts := [host("h1", "commercial", true), host("h2", "commercial", true), json.patch(host("h3", "open_source", false), [{"op": "replace", "path": "/os/name", "value": "Debian"}])]
	count(policy.deny) == 0 with input.evidence as evidence(hosts) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "host", "excluded": 0, "qualifying_hosts": 2, "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as evidence(hosts) with data.params as params
}

test_success_the_three_named_products_by_any_of_their_names if {
	hosts := [named("h1", "Windows Server"), named("h2", "银河麒麟"), named("h3", " uos ")]
	policy.counted == {"h1", "h2", "h3"} with input.evidence as evidence(hosts) with data.params as params
	policy.measure.actual == 3 with input.evidence as evidence(hosts) with data.params as params
}

# defect: any OS labelled family "commercial" counted (e.g. Red Hat Enterprise Linux)
test_fail_a_commercial_os_the_contract_does_not_name if {
	hosts := [named("h1", "Windows Server"), named("h2", "Red Hat Enterprise Linux")]
	policy.measure.actual == 1 with input.evidence as evidence(hosts) with data.params as params
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "OS Red Hat Enterprise Linux is not one of the products named in 2.2.1.1 (Windows Server, 银河麒麟 Kylin, 统信 UOS)"}} with input.evidence as evidence(hosts) with data.params as params
}

test_success_a_named_product_labelled_open_source_still_counts_here if {
	hosts := [named("h1", "Kylin"), json.patch(named("h2", "Kylin"), [{"op": "replace", "path": "/os/family", "value": "open_source"}])]
	policy.measure.actual == 2 with input.evidence as evidence(hosts) with data.params as params
}

test_fail_unlicensed_host_not_counted if {
	hosts := [host("h1", "commercial", true), host("h2", "commercial", false)]
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.1]", "evidence": "hosts.json#/hosts", "lowest_at": "2025-09-03T00:00:00+08:00"}} with input.evidence as evidence(hosts) with data.params as params
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

# defect (reading rule 3): a host issued two days before the end counted as delivered
test_fail_host_in_service_only_at_the_end_is_not_provided_within_the_term if {
	hosts := [host("h1", "commercial", true), window(host("h2", "commercial", true), "2026-09-01T00:00:00+08:00", null)]
	policy.measure.actual == 1 with input.evidence as evidence(hosts) with data.params as params
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.1]", "evidence": "hosts.json#/hosts", "lowest_at": "2025-09-03T00:00:00+08:00"}} with input.evidence as evidence(hosts) with data.params as params
}

test_success_replacement_without_gap_keeps_the_count if {
	hosts := [
		host("h1", "commercial", true),
		window(host("h2", "commercial", true), "2025-09-01T00:00:00+08:00", "2026-03-01T10:00:00+08:00"),
		window(host("h3", "commercial", true), "2026-03-01T10:00:00+08:00", null),
	]
	count(policy.deny) == 0 with input.evidence as evidence(hosts) with data.params as params
	policy.measure.actual == 2 with input.evidence as evidence(hosts) with data.params as params
}

# boundary of the replacement: the new host starts at (pass), one second after (a gap:
# fail) and one second before (overlap: pass) the old host leaves
test_fail_replacement_boundary if {
	old := window(host("h2", "commercial", true), "2025-09-01T00:00:00+08:00", "2026-03-01T10:00:00+08:00")
	at := [host("h1", "commercial", true), old, window(host("h3", "commercial", true), "2026-03-01T10:00:00+08:00", null)]
	above := [host("h1", "commercial", true), old, window(host("h3", "commercial", true), "2026-03-01T10:00:01+08:00", null)]
	below := [host("h1", "commercial", true), old, window(host("h3", "commercial", true), "2026-03-01T09:59:59+08:00", null)]
	policy.measure.actual == 2 with input.evidence as evidence(at) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence(above) with data.params as params
	policy.measure.lowest_at == "2026-03-01T10:00:00+08:00" with input.evidence as evidence(above) with data.params as params
	policy.measure.actual == 2 with input.evidence as evidence(below) with data.params as params
}

# quantity boundary: 2 contracted; 1 (below) fails, 2 (at) and 3 (above) pass
test_fail_quantity_boundary if {
	count(policy.deny) == 1 with input.evidence as evidence([host("h1", "commercial", true)]) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence([host("h1", "commercial", true), host("h2", "commercial", true)]) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence([host("h1", "commercial", true), host("h2", "commercial", true), host("h3", "commercial", true)]) with data.params as params
}
