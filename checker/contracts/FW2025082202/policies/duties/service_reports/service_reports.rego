# METADATA
# title: Periodic written service reports after go-live
# description: >-
#   信息系统正式上线后，乙方需定期向甲方提供政务云服务书面报告 (第九条 8): every service
#   month that has ended by the register's export time (as_of) has a written service report
#   (the monthly report of 6.3.2) delivered to Party A. Whether it came by the agreed day is
#   6.3.2's question; here a month without any report fails.
# custom:
#   clause: "9.8"
#   evidence: [deliverables]
#   severity: medium
package contract.duties.service_reports

import data.contract.lib
import data.contract.lib.evidence

clause := "9.8"

_reported contains r.month if {
	some f in lib.files("deliverables")
	some r in f.data.monthly_reports
	lib.ns(r.delivered_at) <= lib.ns(f.data.as_of)
}

_ended contains m.label if {
	some m in lib.service_months
	m.end <= evidence.as_of("deliverables")
}

deny contains v if {
	some month in _ended
	not _reported[month]
	v := lib.violation(sprintf("no written service report for service month %s [%s]", [month, clause]), evidence.at("deliverables", "monthly_reports"))
}

measure := {"months_ended": count(_ended), "months_reported": count(_ended & _reported)}
