# METADATA
# title: Platform drills only with Party A's prior written permission; A's system drills supported
# description: >-
#   乙方在取得甲方书面许可后，开展云平台应急演练；乙方有义务配合甲方完成信息系统的应急演练
#   (第十条 2(2)): every platform-level drill started in the service period has a written
#   permission of Party A granted before the drill started ("取得…后": strictly before);
#   and every drill of Party A's systems in the period (drills kind, when present) was
#   completed with Party B's support. Not applicable when there was neither.
# custom:
#   clause: "10.2.2"
#   evidence: [platform_drills]
#   severity: medium
package contract.duties.platform_drills

import data.contract.lib
import data.contract.lib.evidence

clause := "10.2.2"

drills := {e | some e in evidence.records("platform_drills", "drills"); lib.in_period(e.r.started_at)}

a_drills := {e | some e in evidence.records("drills", "drills"); e.r.organised_by_role == "party_a"; lib.in_period(e.r.started_at)}

not_applicable if {
	count(drills) == 0
	count(a_drills) == 0
}

_fault(d) := "no permission" if {
	d.permission == null
} else := sprintf("the permission was granted by %s, not Party A", [d.permission.granted_by.organisation_role]) if {
	d.permission.granted_by.organisation_role != "party_a"
} else := "the permission was not in writing" if {
	d.permission.written != true
} else := sprintf("the permission is dated %s, not before the drill started", [d.permission.granted_at]) if {
	lib.ns(d.permission.granted_at) >= lib.ns(d.started_at)
}

deny contains v if {
	some e in drills
	why := _fault(e.r)
	msg := sprintf("platform drill %s started %s: %s [%s]", [e.r.drill_id, e.r.started_at, why, clause])
	v := object.union(lib.violation(msg, sprintf("%s/permission", [e.at])), {"drill_id": e.r.drill_id})
}

deny contains v if {
	some e in a_drills
	e.r.status != "completed"
	msg := sprintf("Party A's system drill %s was not completed with Party B's support (%s) [%s]", [e.r.drill_id, e.r.status, clause])
	v := object.union(lib.violation(msg, e.at), {"drill_id": e.r.drill_id})
}

measure := {
	"expected": count(drills),
	"actual": count({e.r.drill_id | some e in drills; not _fault(e.r)}),
	"unit": "platform drill",
	"party_a_drills": count(a_drills),
}
