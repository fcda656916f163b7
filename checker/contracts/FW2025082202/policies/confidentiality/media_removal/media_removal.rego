# METADATA
# title: No confidential medium leaves Party A's site without written permission and encryption
# description: >-
#   未经甲方书面许可并采取加密措施，乙方不得擅自将载有保密信息的任何文档、图纸、资料、磁盘、胶片等
#   介质，带离甲方工作场所 (附件4 五、6): every removal in the service period has Party A's
#   written permission (lib/approval.rego) signed at or before the removal, and the medium
#   was encrypted with a named method. Both conditions, not either. Not applicable without
#   removals.
# custom:
#   clause: "A4.5.6"
#   evidence: [media_removals]
#   severity: high
package contract.confidentiality.media_removal

import data.contract.lib
import data.contract.lib.approval
import data.contract.lib.evidence

clause := "A4.5.6"

_removals := {e | some e in evidence.records("media_removals", "removals"); lib.in_period(e.r.removed_at)}

not_applicable if count(_removals) == 0

_problems(r) := {p | some p in [
	_permission_problem(r),
	_encryption_problem(r),
]; p != ""}

_permission_problem(r) := sprintf("no written permission of Party A: %s", [approval.why_not(r.permission, "party_a")]) if {
	not approval.by_party_a(r.permission)
} else := sprintf("Party A's permission %s was signed at %s, after the removal", [r.permission.ref, r.permission.signed_at]) if {
	approval.at(r.permission) > lib.ns(r.removed_at)
} else := ""

_encryption_problem(r) := "not encrypted" if {
	not evidence.present(r, "encryption")
} else := "not encrypted" if {
	r.encryption.encrypted != true
} else := "no encryption method recorded" if {
	count(trim_space(r.encryption.method)) == 0
} else := ""

deny contains v if {
	some e in _removals
	ps := _problems(e.r)
	count(ps) > 0
	v := lib.violation(sprintf("%s %s taken off Party A's site at %s by %s: %s [%s]", [e.r.medium.type, e.r.medium.label, e.r.removed_at, e.r.carried_by, concat("; ", sort([p | some p in ps])), clause]), e.at)
}

measure := {"removals": count(_removals)}
