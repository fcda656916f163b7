package contract.services.log_analysis_test

import data.contract.services.log_analysis as policy

# A 3-month period; reports due within 5 days after each month.
params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-12-03T00:00:00+08:00", "months": 3},
	"services": {"2.2.1.10": {"quantity": 2, "unit": "host", "report_within_days": 5}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

report(host_id, month, delivered) := {"report_id": sprintf("%s-%s", [host_id, month]), "host_id": host_id, "month": month, "events_collected": 1000, "security_events": 3, "cpu_avg_percent": 20.5, "mem_avg_percent": 40, "delivered_at": delivered}

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

both := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), monthly("h2")))

test_success_every_host_every_month if {
	count(policy.deny) == 0 with input.evidence as both with data.params as params with data.calendar as {}
	policy.measure == {"expected": 2, "actual": 2, "unit": "host", "excluded": 0, "reports_not_counted": 0, "months": 3, "months_not_yet_due": 0, "report_within_days": 5, "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as both with data.params as params with data.calendar as {}
}

# defect (reading rule 3): a host joining in month 2 counted as served over the term
test_fail_host_joining_later_is_not_served_throughout if {
	ev := evidence([host("h1"), late_host], array.concat(monthly("h1"), array.slice(monthly("h2"), 1, 3)))
	policy.measure.actual == 1 with input.evidence as ev with data.params as params with data.calendar as {}
	policy.measure.lowest_at == "2025-09-03T00:00:00+08:00" with input.evidence as ev with data.params as params with data.calendar as {}
	count(policy.excluded) == 0 with input.evidence as ev with data.params as params with data.calendar as {}
}

test_fail_missing_month_not_counted if {
	ev := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), [monthly("h2")[0], monthly("h2")[2]]))
	policy.deny == {{"msg": "delivered 1 host, contracted 2 (shortfall 1) [2.2.1.10]", "evidence": "logs.json#/reports", "lowest_at": "2025-10-03T00:00:00+08:00"}} with input.evidence as ev with data.params as params with data.calendar as {}
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "no log analysis report that counts for 1 of 3 months: 2025-10"}} with input.evidence as ev with data.params as params with data.calendar as {}
}

# defect: a report delivered before its month ended counted for the whole month
test_fail_report_delivered_before_its_month_ended_does_not_count if {
	early := report("h2", "2025-11", "2025-12-02T23:59:59+08:00")
	ev := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), [monthly("h2")[0], monthly("h2")[1], early]))
	policy.measure.actual == 1 with input.evidence as ev with data.params as params with data.calendar as {}
	policy.measure.reports_not_counted == 1 with input.evidence as ev with data.params as params with data.calendar as {}
}

# deadline boundary: the September month ends 2025-10-03 00:00; 5 days -> the end of
# 2025-10-07. At its last instant (at) counts, one second later (above) does not, one
# second earlier (below) counts
on(delivered) := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), [report("h2", "2025-09", delivered), monthly("h2")[1], monthly("h2")[2]]))

test_fail_report_deadline_boundary if {
	policy.measure.actual == 2 with input.evidence as on("2025-10-08T00:00:00+08:00") with data.params as params with data.calendar as {}
	policy.measure.actual == 1 with input.evidence as on("2025-10-08T00:00:01+08:00") with data.params as params with data.calendar as {}
	policy.measure.actual == 2 with input.evidence as on("2025-10-07T23:59:59+08:00") with data.params as params with data.calendar as {}
	policy.measure.actual == 2 with input.evidence as on("2025-10-03T00:00:00+08:00") with data.params as params with data.calendar as {}
}

# defect: report content not read (资源使用情况, 主机安全情况)
test_fail_report_without_resource_use_or_security_events if {
	no_cpu := json.remove(report("h2", "2025-10", "2025-11-05T10:00:00+08:00"), ["cpu_avg_percent"])
	no_sec := object.union(report("h2", "2025-11", "2025-12-05T10:00:00+08:00"), {"security_events": null})
	ev := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), [monthly("h2")[0], no_cpu, no_sec]))
	policy.measure.actual == 1 with input.evidence as ev with data.params as params with data.calendar as {}
	policy.excluded == {{"evidence": "hosts.json#/hosts/1", "reason": "no log analysis report that counts for 2 of 3 months: 2025-10, 2025-11"}} with input.evidence as ev with data.params as params with data.calendar as {}
}

# a report dated after the bundle was made is not evidence; a month whose deadline runs
# past the bundle's making is not yet due
test_fail_report_after_the_bundle_was_made if {
	ev := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), [monthly("h2")[0], report("h2", "2025-10", "2025-11-05T10:00:00+08:00")]))
	# made 2025-12-05 09:00: November (due by the end of 2025-12-08) is not yet due
	policy.measure.actual == 2 with input.evidence as ev with input.bundle as {"created_at": "2025-12-05T09:00:00+08:00"} with data.params as params with data.calendar as {}
	policy.measure.months_not_yet_due == 1 with input.evidence as ev with input.bundle as {"created_at": "2025-12-05T09:00:00+08:00"} with data.params as params with data.calendar as {}
	# h1's November report is dated after the bundle was made: not evidence
	policy.rejected == {{"evidence": "logs.json#/reports/2", "reason": "delivered 2025-12-05T10:00:00+08:00, after the evidence bundle was made"}} with input.evidence as ev with input.bundle as {"created_at": "2025-12-05T09:00:00+08:00"} with data.params as params with data.calendar as {}

	# made after November's deadline: November is due and h2 has no report for it
	policy.measure.actual == 1 with input.evidence as ev with input.bundle as {"created_at": "2025-12-09T00:00:00+08:00"} with data.params as params with data.calendar as {}
}

# reading rule 2: a deadline on a public holiday moves to the next working day. September's
# reports are due by the end of 2025-10-07 (5 days after the month's last day), in the National Day
# holiday: the deadline becomes the end of 2025-10-09, the first working day after it.
national_day := {"first_day": "2025-01-01", "last_day": "2026-12-31", "working_days": ["2025-09-30", "2025-10-09", "2025-10-10"]}

test_fail_report_deadline_moves_past_a_holiday if {
	policy.measure.actual == 2 with input.evidence as on("2025-10-10T00:00:00+08:00") with data.params as params with data.calendar as national_day
	policy.measure.actual == 1 with input.evidence as on("2025-10-10T00:00:01+08:00") with data.params as params with data.calendar as national_day
	policy.measure.actual == 2 with input.evidence as on("2025-10-09T23:59:59+08:00") with data.params as params with data.calendar as national_day
}

# without created_at, the period the bundle covers bounds what is due: November's reports
# are due after a bundle of September-November ends, so they are not yet due in it
test_success_months_due_after_the_bundle_period_are_not_yet_due if {
	ev := evidence([host("h1"), host("h2")], array.concat(monthly("h1"), [monthly("h2")[0], monthly("h2")[1]]))
	b := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-12-03T00:00:00+08:00"}}
	count(policy.deny) == 0 with input.evidence as ev with input.bundle as b with data.params as params with data.calendar as {}
	policy.measure.months_not_yet_due == 1 with input.evidence as ev with input.bundle as b with data.params as params with data.calendar as {}
	count(policy.deny) == 1 with input.evidence as ev with input.bundle as {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-12-09T00:00:00+08:00"}} with data.params as params with data.calendar as {}
}
