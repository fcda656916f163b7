# METADATA
# title: Bastion-host operations account for Party A
# description: >-
#   远程接入服务 (第二条 2(2) 安全技术服务 第8项: 提供 1 个远程登录堡垒机的运维账号):
#   data.params.baseline.bastion_accounts bastion-host operations account(s) held by
#   Party A throughout the service period. An account is held from issued_at until
#   revoked_at (exclusive); the number held is the lowest number of Party A's accounts
#   held at any instant of the period (OBLIGATIONS.md reading rule 3): time uncovered
#   at the start, a revocation or a gap between an account and its replacement is a
#   shortfall.
# custom:
#   clause: "2.2.2.11"
#   evidence: [platform_security]
#   severity: low
package contract.baseline.bastion_access

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.11"

required := data.params.baseline.bastion_accounts

# accounts: account_id -> spans of the period Party A held it
_held := [{"id": a.account_id, "spans": [sp]} |
	some s in controls.sections("bastion")
	some a in s.section.accounts
	controls.held_by_party_a(a.holder)
	sp := lib.window_span(a.issued_at, object.get(a, "revoked_at", null))
]

counted := {r.id | some r in _held}

lowest := lib.lowest(lib.unit_spans(_held))

deny contains v if {
	lowest.count < required
	some s in controls.sections("bastion")
	msg := sprintf("%d bastion-host account(s) held by Party A throughout the period (lowest from %s), contracted %v [%s]", [lowest.count, lib.local_time(lowest.at), required, clause])
	v := object.union(lib.violation(msg, lib.pointer(s.path, ["bastion", "accounts"])), {"lowest_at": lib.local_time(lowest.at)})
}

measure := {"expected": required, "actual": lowest.count, "unit": "account", "lowest_at": lib.local_time(lowest.at)}
