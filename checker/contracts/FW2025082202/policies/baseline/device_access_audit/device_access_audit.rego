# METADATA
# title: Device access audit recorded every month
# description: >-
#   设备访问审计 (第二条 2(2) 安全技术服务 第3项: 设备访问记录、日志统计、安全事件): a device access audit record for every service month of the period, delivered
#   after that month began.
# custom:
#   clause: "2.2.2.6"
#   evidence: [security_records]
#   severity: medium
package contract.baseline.device_access_audit

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.6"

deny contains v if {
	some v in controls.record_denies(clause, "device_access_audit", "device access audit")
}

measure := {"expected": count(lib.service_months), "actual": controls.months_with_record("device_access_audit"), "unit": "month"}
