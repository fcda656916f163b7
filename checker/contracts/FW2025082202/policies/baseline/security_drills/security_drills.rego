# METADATA
# title: Party A's security drills assisted
# description: >-
#   应急演练：协助使用单位进行安全应急演练 (第二条 2(2) 安全管理服务 第3项; 第十条 1(2): Party A
#   organises the drills of its systems): Party B assists the drills Party A (使用单位)
#   organises. Every drill Party A organised in the service period must have been held
#   with B's assistance and its written report (report_doc_id); a drill Party A itself
#   cancelled (cancelled_by_role party_a) is not B's fault and is shown apart; a drill
#   cancelled by anyone else, or with no canceller recorded, fails. The clause sets no
#   number of drills: not_applicable when Party A organised none in the period.
# custom:
#   clause: "2.2.2.3"
#   evidence: [drills]
#   severity: medium
package contract.baseline.security_drills

import data.contract.lib
import data.contract.lib.evidence

clause := "2.2.2.3"

# Party A's drills of the period
_drills contains e if {
	some e in evidence.records("drills", "drills")
	e.r.organised_by_role == "party_a"
	lib.in_period(e.r.started_at)
}

# cancelled by Party A itself: not B's fault (reported apart)
_cancelled_by_a contains e.at if {
	some e in _drills
	e.r.status == "cancelled"
	object.get(e.r, "cancelled_by_role", null) == "party_a"
}

_reason(d) := sprintf("was cancelled, and not by Party A (cancelled_by_role %v)", [object.get(d, "cancelled_by_role", null)]) if {
	d.status == "cancelled"
	object.get(d, "cancelled_by_role", null) != "party_a"
} else := sprintf("was not completed (%s)", [d.status]) if {
	not d.status in {"completed", "cancelled"}
} else := "has no written report of the assistance given" if {
	d.status == "completed"
	not evidence.present(d, "report_doc_id")
}

deny contains v if {
	some e in _drills
	r := _reason(e.r)
	v := lib.violation(sprintf("Party A's drill %s %s [%s]", [e.r.drill_id, r, clause]), e.at)
}

_assisted := {e.at | some e in _drills; e.r.status == "completed"; not _reason(e.r)}

# no drill of Party A in the period: nothing to assist
not_applicable if count(_drills) == 0

measure := {
	"organised_by_party_a": count(_drills),
	"assisted": count(_assisted),
	"cancelled_by_party_a": count(_cancelled_by_a),
	"unit": "drill",
}
