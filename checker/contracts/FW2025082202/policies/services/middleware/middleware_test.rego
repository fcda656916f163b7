package contract.services.middleware_test

import data.contract.services.middleware as policy

params := {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.3": {"quantity": 2, "unit": "set", "min_products_per_set": 3}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

p(name, version) := {"name": name, "version": version, "open_source": true}

mw(id, host_id, products) := {"set_id": id, "system_id": "S1", "host_ids": [host_id], "products": products, "maintained": true}

three := [p("Nginx", "1.24"), p("Redis", "7.2"), p("Apache Tomcat", "9.0")]

evidence(sets) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2")]}}],
	"middleware_inventory": [{"path": "mw.json", "data": {"kind": "middleware_inventory", "sets": sets}}],
}

test_success_two_sets_of_three_kinds if {
	sets := [mw("m1", "h1", three), mw("m2", "h2", array.concat(three, [p("RabbitMQ", "3.13")]))]
	count(policy.deny) == 0 with input.evidence as evidence(sets) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "set", "excluded": 0, "min_products_per_set": 3} with input.evidence as evidence(sets) with data.params as params
}

test_fail_two_versions_of_one_product_are_one_kind if {
	two_kinds := [p("Nginx", "1.24"), p("nginx", "1.26"), p("Redis", "7.2")]
	sets := [mw("m1", "h1", three), mw("m2", "h2", two_kinds)]
	policy.deny == {{"msg": "delivered 1 set, contracted 2 (shortfall 1) [2.2.1.3]", "evidence": "mw.json#/sets"}} with input.evidence as evidence(sets) with data.params as params
	policy.excluded == {{"evidence": "mw.json#/sets/1", "reason": "2 distinct open-source middleware kinds, at least 3 required"}} with input.evidence as evidence(sets) with data.params as params
}

test_fail_duplicate_set_and_unknown_host_and_closed_product if {
	closed := array.concat(array.slice(three, 0, 2), [{"name": "WebLogic", "version": "14", "open_source": false}])
	sets := [mw("m1", "h1", three), mw("m1", "h2", three), mw("m3", "ghost", three), mw("m4", "h2", closed)]
	policy.measure.actual == 1 with input.evidence as evidence(sets) with data.params as params
	policy.excluded == {
		{"evidence": "mw.json#/sets/2", "reason": "runs on a host not in the inventory"},
		{"evidence": "mw.json#/sets/3", "reason": "2 distinct open-source middleware kinds, at least 3 required"},
	} with input.evidence as evidence(sets) with data.params as params
}
