# METADATA
# title: Monitoring data API for Party A
# description: >-
#   监控平台接入服务 (第二条 2(2) 安全技术服务 第13项): an API for the monitoring data
#   of Party A's tenant, issued to Party A, available from the start of the period and
#   found working in every service month.
# custom:
#   clause: "2.2.2.16"
#   evidence: [platform_security]
#   severity: low
package contract.baseline.monitoring_api

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.16"

deny contains v if {
	some s in controls.sections("monitoring_api")
	some v in controls.monthly_denies(clause, "monitoring_api", s)
}

deny contains v if {
	some s in controls.sections("monitoring_api")
	not controls.held_by_party_a(s.section.issued_to)
	msg := sprintf("monitoring API issued to %s, not to Party A [%s]", [s.section.issued_to.organisation_role, clause])
	v := lib.violation(msg, lib.pointer(s.path, ["monitoring_api", "issued_to"]))
}

deny contains v if {
	some s in controls.sections("monitoring_api")
	lib.ns(s.section.available_from) > lib.period_start
	msg := sprintf("monitoring API available only from %s, the period starts %s [%s]", [s.section.available_from, data.params.period.start, clause])
	v := lib.violation(msg, lib.pointer(s.path, ["monitoring_api", "available_from"]))
}
