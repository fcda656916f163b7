# METADATA
# title: Bastion-host operations account for Party A
# description: >-
#   远程接入服务 (第二条 2(2) 安全技术服务 第8项): at least
#   data.params.baseline.bastion_accounts bastion-host operations account(s) held by
#   Party A, issued before the period ends and not revoked before it ends.
# custom:
#   clause: "2.2.2.11"
#   evidence: [platform_security]
#   severity: low
package contract.baseline.bastion_access

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.11"

required := data.params.baseline.bastion_accounts

counted contains a.account_id if {
	some s in controls.sections("bastion")
	some a in s.section.accounts
	controls.held_by_party_a(a.holder)
	lib.ns(a.issued_at) < lib.period_end
	not _revoked_in_period(a)
}

_revoked_in_period(a) if {
	object.get(a, "revoked_at", null) != null
	lib.ns(a.revoked_at) < lib.period_end
}

deny contains v if {
	count(counted) < required
	some s in controls.sections("bastion")
	msg := sprintf("%d bastion-host account(s) held by Party A through the period, contracted %v [%s]", [count(counted), required, clause])
	v := lib.violation(msg, lib.pointer(s.path, ["bastion", "accounts"]))
}

measure := {"expected": required, "actual": count(counted), "unit": "account"}
