package contract.services.open_source_db_test

import data.contract.services.open_source_db as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.4": {"quantity": 2, "unit": "set"}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

db(id, hosts, product, open_source) := {"set_id": id, "system_id": "S1", "host_ids": hosts, "product": product, "version": "1", "open_source": open_source, "maintained": true, "service_from": "2025-09-03T00:00:00+08:00"}

retired := object.union(host("h3"), {"in_service_to": "2025-06-01T00:00:00+08:00"})

evidence(dbs) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2"), retired]}}],
	"database_inventory": [{"path": "db.json", "data": {"kind": "database_inventory", "databases": dbs}}],
}

test_success_two_open_source_sets if {
	dbs := [db("d1", ["h1", "h2"], "PostgreSQL", true), db("d2", ["h2"], "MySQL", true)]
	count(policy.deny) == 0 with input.evidence as evidence(dbs) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "set", "excluded": 0, "qualifying_sets": 2, "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as evidence(dbs) with data.params as params
}

test_fail_commercial_database_not_counted if {
	dbs := [db("d1", ["h1"], "PostgreSQL", true), db("d2", ["h2"], "Oracle Database", false)]
	policy.deny == {{"msg": "delivered 1 set, contracted 2 (shortfall 1) [2.2.1.4]", "evidence": "db.json#/databases", "lowest_at": "2025-09-03T00:00:00+08:00"}} with input.evidence as evidence(dbs) with data.params as params
	policy.excluded == {{"evidence": "db.json#/databases/1", "reason": "Oracle Database is not open source"}} with input.evidence as evidence(dbs) with data.params as params
}

test_fail_replica_on_retired_host_and_duplicate_set if {
	dbs := [db("d1", ["h1"], "MySQL", true), db("d1", ["h2"], "MySQL", true), db("d3", ["h1", "h3"], "openGauss", true)]
	policy.measure.actual == 1 with input.evidence as evidence(dbs) with data.params as params
	policy.excluded == {{"evidence": "db.json#/databases/2", "reason": "not in service during the period (its window or a host's time in service)"}} with input.evidence as evidence(dbs) with data.params as params
}

# defect (reading rule 3): a database retired in the first month counted for the term
test_fail_set_retired_early_leaves_a_gap if {
	dbs := [db("d1", ["h1"], "MySQL", true), object.union(db("d2", ["h2"], "MySQL", true), {"service_to": "2025-10-01T00:00:00+08:00"})]
	policy.measure.actual == 1 with input.evidence as evidence(dbs) with data.params as params
	policy.measure.lowest_at == "2025-10-01T00:00:00+08:00" with input.evidence as evidence(dbs) with data.params as params
}

# boundary: the window ends at the period end (at: counts), one second before (below: a
# gap), one second after (above: counts)
test_fail_window_end_boundary if {
	at := [db("d1", ["h1"], "MySQL", true), object.union(db("d2", ["h2"], "MySQL", true), {"service_to": "2026-09-03T00:00:00+08:00"})]
	below := [db("d1", ["h1"], "MySQL", true), object.union(db("d2", ["h2"], "MySQL", true), {"service_to": "2026-09-02T23:59:59+08:00"})]
	above := [db("d1", ["h1"], "MySQL", true), object.union(db("d2", ["h2"], "MySQL", true), {"service_to": "2026-09-03T00:00:01+08:00"})]
	policy.measure.actual == 2 with input.evidence as evidence(at) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence(below) with data.params as params
	policy.measure.actual == 2 with input.evidence as evidence(above) with data.params as params
}
