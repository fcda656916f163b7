# METADATA
# title: Egress traffic monitored every month
# description: >-
#   出口流量监测 (第二条 2(2) 安全技术服务 第4项: 出口流量控制、检测，互联网网络行为审计): a egress traffic monitoring record for every service month of the period, delivered
#   after that month began.
# custom:
#   clause: "2.2.2.7"
#   evidence: [security_records]
#   severity: medium
package contract.baseline.egress_monitoring

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.7"

deny contains v if {
	some v in controls.record_denies(clause, "egress_monitoring", "egress traffic monitoring")
}

measure := {"expected": count(lib.service_months), "actual": controls.months_with_record("egress_monitoring"), "unit": "month"}
