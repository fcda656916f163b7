package contract.services.middleware_test

import data.contract.services.middleware as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.3": {"quantity": 2, "unit": "set", "min_products_per_set": 3}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

p(name, version) := {"name": name, "version": version, "open_source": true}

mw(id, host_id, products) := {"set_id": id, "system_id": "S1", "host_ids": [host_id], "products": products, "maintained": true, "service_from": "2025-09-01T00:00:00+08:00", "service_to": null}

window(s, from, to) := object.union(s, {"service_from": from, "service_to": to})

three := [p("Nginx", "1.24"), p("Redis", "7.2"), p("Apache Tomcat", "9.0")]

four := array.concat(three, [p("RabbitMQ", "3.13")])

evidence(sets) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2"), object.union(host("h3"), {"in_service_to": "2026-03-01T00:00:00+08:00"})]}}],
	"middleware_inventory": [{"path": "mw.json", "data": {"kind": "middleware_inventory", "sets": sets}}],
}

test_success_two_sets_of_three_kinds if {
	sets := [mw("m1", "h1", three), mw("m2", "h2", four)]
	count(policy.deny) == 0 with input.evidence as evidence(sets) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "set", "excluded": 0, "min_products_per_set": 3, "qualifying_sets": 2, "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as evidence(sets) with data.params as params
}

# kinds boundary: 3 required; 2 (below) fails, 3 (at) and 4 (above) count
test_fail_two_versions_of_one_product_are_one_kind if {
	two_kinds := [p("Nginx", "1.24"), p("nginx", "1.26"), p("Redis", "7.2")]
	sets := [mw("m1", "h1", three), mw("m2", "h2", two_kinds)]
	policy.deny == {{"msg": "delivered 1 set, contracted 2 (shortfall 1) [2.2.1.3]", "evidence": "mw.json#/sets", "lowest_at": "2025-09-03T00:00:00+08:00"}} with input.evidence as evidence(sets) with data.params as params
	policy.excluded == {{"evidence": "mw.json#/sets/1", "reason": "2 distinct open-source middleware kinds, at least 3 required"}} with input.evidence as evidence(sets) with data.params as params
	policy.measure.actual == 2 with input.evidence as evidence([mw("m1", "h1", three), mw("m2", "h2", four)]) with data.params as params
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

# defect (reading rule 3): a set installed one day before the end counted for the term
test_fail_set_installed_late_is_not_provided_within_the_term if {
	sets := [mw("m1", "h1", three), window(mw("m2", "h2", three), "2026-09-01T00:00:00+08:00", null)]
	policy.measure.actual == 1 with input.evidence as evidence(sets) with data.params as params
	count(policy.deny) == 1 with input.evidence as evidence(sets) with data.params as params
}

test_fail_set_window_boundary if {
	# window from the period start (at) counts; one second later (above) is a gap at the start
	at := [mw("m1", "h1", three), window(mw("m2", "h2", three), "2025-09-03T00:00:00+08:00", null)]
	above := [mw("m1", "h1", three), window(mw("m2", "h2", three), "2025-09-03T00:00:01+08:00", null)]
	below := [mw("m1", "h1", three), window(mw("m2", "h2", three), "2025-09-02T23:59:59+08:00", null)]
	policy.measure.actual == 2 with input.evidence as evidence(at) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence(above) with data.params as params
	policy.measure.actual == 2 with input.evidence as evidence(below) with data.params as params
}

test_fail_set_on_a_host_that_leaves_mid_term if {
	sets := [mw("m1", "h1", three), mw("m2", "h3", three)]
	policy.measure.actual == 1 with input.evidence as evidence(sets) with data.params as params
	policy.measure.lowest_at == "2026-03-01T00:00:00+08:00" with input.evidence as evidence(sets) with data.params as params
}

test_success_replacement_set_moves_to_another_host_without_gap if {
	sets := [
		mw("m1", "h1", three),
		window(mw("m2", "h3", three), "2025-09-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00"),
		window(mw("m3", "h2", three), "2026-03-01T00:00:00+08:00", null),
	]
	count(policy.deny) == 0 with input.evidence as evidence(sets) with data.params as params
}

test_fail_set_without_a_service_window if {
	sets := [mw("m1", "h1", three), json.remove(mw("m2", "h2", three), ["service_from"])]
	policy.excluded == {{"evidence": "mw.json#/sets/1", "reason": "no service window (service_from)"}} with input.evidence as evidence(sets) with data.params as params
}
