# METADATA
# title: No change of Party A's data or publication without written authorisation
# description: >-
#   未经甲方书面授权不得擅自修改信息系统数据或发布信息等 (第九条 6): every change made in the
#   service period carries a written authorisation given by Party A at or before it.
# custom:
#   clause: "9.6"
#   evidence: [change_records]
#   severity: high
package contract.duties.authorised_changes

import data.contract.lib
import data.contract.lib.evidence

clause := "9.6"

_changes := {e | some e in evidence.records("change_records", "changes"); lib.in_period(e.r.performed_at)}

_problem(c) := "has no authorisation" if {
	not evidence.present(c, "authorisation")
} else := sprintf("is authorised by %s, not Party A", [c.authorisation.authorised_by_role]) if {
	c.authorisation.authorised_by_role != "party_a"
} else := sprintf("authorisation %s is not written", [c.authorisation.ref]) if {
	c.authorisation.written != true
} else := sprintf("authorisation %s came at %s, after the change", [c.authorisation.ref, c.authorisation.authorised_at]) if {
	lib.ns(c.authorisation.authorised_at) > lib.ns(c.performed_at)
}

deny contains v if {
	some e in _changes
	problem := _problem(e.r)
	v := lib.violation(sprintf("%s %s on %s at %s %s [%s]", [e.r.type, e.r.change_id, e.r.system_id, e.r.performed_at, problem, clause]), e.at)
}

measure := {"changes": count(_changes)}
