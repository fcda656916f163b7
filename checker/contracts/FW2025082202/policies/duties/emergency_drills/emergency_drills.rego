# METADATA
# title: Emergency plans drawn up and drills run
# description: >-
#   乙方应配合甲方制定信息系统应急预案，并配合开展信息系统应急演练工作 (第九条 12): an
#   emergency plan delivered before the period ends, and at least data.params.duties.drills_min
#   drills completed in the service period, each exercising a plan of the register and
#   with its written report.
# custom:
#   clause: "9.12"
#   evidence: [drills]
#   severity: medium
package contract.duties.emergency_drills

import data.contract.lib
import data.contract.lib.evidence

clause := "9.12"

_plans := {e.r.doc_id |
	some e in evidence.records("drills", "plans")
	lib.ns(e.r.delivered_at) < lib.ns(data.params.period.end)
}

_drills := evidence.records("drills", "drills")

_reason(d) := "cancelled" if {
	d.status != "completed"
} else := "started outside the service period" if {
	not lib.in_period(d.started_at)
} else := "ended before it started" if {
	lib.ns(d.ended_at) < lib.ns(d.started_at)
} else := sprintf("exercises plan %s, which is not in the register", [d.plan_id]) if {
	not _plans[d.plan_id]
} else := "has no written report" if {
	not evidence.present(d, "report_doc_id")
}

excluded contains {"evidence": e.at, "reason": r} if {
	some e in _drills
	r := _reason(e.r)
}

_counted := {e.at | some e in _drills; not _reason(e.r)}

deny contains v if {
	count(_plans) == 0
	v := lib.violation(sprintf("no emergency plan delivered before the period ended [%s]", [clause]), evidence.at("drills", "plans"))
}

deny contains v if {
	count(_counted) < data.params.duties.drills_min
	v := lib.violation(sprintf("%d emergency drills completed with a report in the period, at least %d required [%s]", [count(_counted), data.params.duties.drills_min, clause]), evidence.at("drills", "drills"))
}

# a completed drill of the period without its report, or of an unknown plan, fails by itself
deny contains v if {
	some e in _drills
	e.r.status == "completed"
	lib.in_period(e.r.started_at)
	r := _reason(e.r)
	r != "ended before it started"
	v := lib.violation(sprintf("drill %s %s [%s]", [e.r.drill_id, r, clause]), e.at)
}

measure := {"expected": data.params.duties.drills_min, "actual": count(_counted), "unit": "drill", "plans": count(_plans)}
