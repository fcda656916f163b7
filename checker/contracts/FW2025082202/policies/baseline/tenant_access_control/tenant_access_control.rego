# METADATA
# title: Access control inside the tenant under Party A's control
# description: >-
#   租户内部访问控制 (第二条 2(2) 安全技术服务 第10项: 租户内部访问权限控制，用户可以
#   自由分配): Party A controls its tenant's permissions, can assign them itself
#   (self-service), and holds at least one tenant administrator account.
# custom:
#   clause: "2.2.2.13"
#   evidence: [platform_security]
#   severity: low
package contract.baseline.tenant_access_control

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.13"

deny contains v if {
	some s in controls.sections("tenant_access_control")
	not controls.held_by_party_a(s.section.controlled_by)
	msg := sprintf("tenant access control is held by %s, not by Party A [%s]", [s.section.controlled_by.organisation_role, clause])
	v := lib.violation(msg, lib.pointer(s.path, ["tenant_access_control", "controlled_by"]))
}

deny contains v if {
	some s in controls.sections("tenant_access_control")
	not s.section.self_service == true
	msg := sprintf("Party A cannot assign permissions itself (self_service is not true) [%s]", [clause])
	v := lib.violation(msg, lib.pointer(s.path, ["tenant_access_control", "self_service"]))
}

deny contains v if {
	some s in controls.sections("tenant_access_control")
	not _admin_of_party_a(s.section)
	msg := sprintf("no tenant administrator account held by Party A [%s]", [clause])
	v := lib.violation(msg, lib.pointer(s.path, ["tenant_access_control", "admin_accounts"]))
}

_admin_of_party_a(section) if {
	some a in section.admin_accounts
	controls.held_by_party_a(a.holder)
	lib.ns(a.issued_at) < lib.period_end
}
