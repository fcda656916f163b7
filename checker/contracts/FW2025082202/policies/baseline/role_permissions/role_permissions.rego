# METADATA
# title: Permissions obtained by assuming roles
# description: >-
#   角色权限管理 (第二条 2(2) 安全技术服务 第12项: 提供通过代入角色实现获取操作权限):
#   role assumption is switched on and at least one role can be assumed by Party A.
# custom:
#   clause: "2.2.2.15"
#   evidence: [platform_security]
#   severity: low
package contract.baseline.role_permissions

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.15"

deny contains v if {
	some s in controls.sections("role_management")
	not s.section.role_assumption == true
	v := lib.violation(sprintf("role assumption is not enabled [%s]", [clause]), lib.pointer(s.path, ["role_management", "role_assumption"]))
}

deny contains v if {
	some s in controls.sections("role_management")
	not _assumable_by_party_a(s.section)
	v := lib.violation(sprintf("no role that Party A can assume [%s]", [clause]), lib.pointer(s.path, ["role_management", "roles"]))
}

_assumable_by_party_a(section) if {
	some r in section.roles
	controls.held_by_party_a(r.assumable_by)
}

measure := {"roles": sum([count(s.section.roles) | some s in controls.sections("role_management")])}
