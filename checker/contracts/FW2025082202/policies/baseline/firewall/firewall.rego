# METADATA
# title: Firewall on and checked every month
# description: >-
#   防火墙安全防护 (第二条 2(2) 安全技术服务 第6项: 出口安全): the control is enabled and a status check found it working
#   in every service month; a check that found it degraded or down is reported.
# custom:
#   clause: "2.2.2.9"
#   evidence: [platform_security]
#   severity: medium
package contract.baseline.firewall

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.9"

deny contains v if {
	some s in controls.sections("firewall")
	some v in controls.enabled_denies(clause, "firewall", s) | controls.monthly_denies(clause, "firewall", s)
}

measure := {"months": count(lib.service_months), "checks": sum([count(s.section.checks) | some s in controls.sections("firewall")])}
