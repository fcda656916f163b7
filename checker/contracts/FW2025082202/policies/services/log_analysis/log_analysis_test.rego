package contract.services.log_analysis_test

import data.contract.services.log_analysis as policy

# A 3-month period.
params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-12-03T00:00:00+08:00", "months": 3},
	"services": {"2.2.1.10": {"quantity": 2, "unit": "host"}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

report(host_id, month, delivered) := {"report_id": sprintf("%s-%s", [host_id, month]), "host_id": host_id, "month": month, "events_collected": 1000, "delivered_at": delivered}

monthly(host_id) := [
	report(host_id, "2025-09", "2025-10-05T10:00:00+08:00"),
	report(host_id, "2025-10", "2025-11-05T10:00:00+08:00"),
	report(host_id, "2025-11", "2025-12-05T10:00:00+08:00"),
]

late_host := object.union(host("h2"), {"in_service_from": "2025-10-10T00:00:00+08:00"})

evidence(hosts, reports) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": hosts}}],
	"log_analysis": [{"path": "logs.json", "data": {"kind": "log_analysis", "reports": reports}}],
}

test_success_every_host_every_month if {
	ev := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), monthly("h2")))
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "host", "excluded": 0, "months": 3} with input.evidence as ev with data.params as params
}

test_success_host_joining_later_needs_only_its_months if {
	ev := evidence([host("h1"), late_host], array.concat(monthly("h1"), array.slice(monthly("h2"), 1, 3)))
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_fail_missing_month_not_counted if {
	ev := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), [monthly("h2")[0], monthly("h2")[2]]))
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.10]", "evidence": "logs.json#/reports"}} with input.evidence as ev with data.params as params
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "no log analysis report delivered for 1 of 3 months: 2025-10"}} with input.evidence as ev with data.params as params
}

test_fail_report_dated_before_its_month_does_not_count if {
	early := report("h2", "2025-11", "2025-10-20T10:00:00+08:00")
	ev := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), [monthly("h2")[0], monthly("h2")[1], early]))
	policy.measure.actual == 1 with input.evidence as ev with data.params as params
}
