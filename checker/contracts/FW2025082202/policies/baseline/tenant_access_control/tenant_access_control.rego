# METADATA
# title: Access control inside the tenant under Party A's control
# description: >-
#   租户内部访问控制 (第二条 2(2) 安全技术服务 第10项: 租户内部访问权限控制，用户可以
#   自由分配): Party A controls its tenant's permissions, can assign them itself
#   (self-service), and holds a tenant administrator account throughout the service
#   period: an account is held from issued_at until revoked_at (exclusive), and at
#   every instant of the period at least one is held by Party A (OBLIGATIONS.md reading
#   rule 3: time uncovered at the start is a gap).
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

# admin: Party A's tenant administrator accounts with the spans of the period held
_admin(section) := [{"id": a.account_id, "spans": [sp]} |
	some a in section.admin_accounts
	controls.held_by_party_a(a.holder)
	sp := lib.window_span(a.issued_at, object.get(a, "revoked_at", null))
]

deny contains v if {
	some s in controls.sections("tenant_access_control")
	count(_admin(s.section)) == 0
	msg := sprintf("no tenant administrator account held by Party A [%s]", [clause])
	v := lib.violation(msg, lib.pointer(s.path, ["tenant_access_control", "admin_accounts"]))
}

deny contains v if {
	some s in controls.sections("tenant_access_control")
	adm := _admin(s.section)
	count(adm) > 0
	low := lib.lowest(lib.unit_spans(adm))
	low.count == 0
	msg := sprintf("Party A held no tenant administrator account from %s: not held throughout the period [%s]", [lib.local_time(low.at), clause])
	v := object.union(lib.violation(msg, lib.pointer(s.path, ["tenant_access_control", "admin_accounts"])), {"lowest_at": lib.local_time(low.at)})
}
