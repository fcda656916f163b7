# METADATA
# title: Party A's security drills assisted
# description: >-
#   应急演练：协助使用单位进行安全应急演练 (第二条 2(2) 安全管理服务 第3项): Party A (使用单位)
#   ran at least data.params.duties.drills_min security drills in the service period
#   with the provider's help, each completed and with its written report; every drill
#   Party A organised in the period that was not completed or has no report fails.
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

_reason(d) := sprintf("was not completed (%s)", [d.status]) if {
	d.status != "completed"
} else := "has no written report of the assistance given" if {
	not evidence.present(d, "report_doc_id")
}

deny contains v if {
	some e in _drills
	r := _reason(e.r)
	v := lib.violation(sprintf("Party A's drill %s %s [%s]", [e.r.drill_id, r, clause]), e.at)
}

_assisted := {e.at | some e in _drills; not _reason(e.r)}

deny contains v if {
	count(_assisted) < data.params.duties.drills_min
	v := lib.violation(
		sprintf("%d drills of Party A assisted in the period, at least %d required [%s]", [count(_assisted), data.params.duties.drills_min, clause]),
		evidence.at("drills", "drills"),
	)
}

measure := {"expected": data.params.duties.drills_min, "actual": count(_assisted), "unit": "drill"}
