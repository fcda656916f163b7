# METADATA
# title: Implementation plan at project start
# description: >-
#   第六条 3 项目启动阶段 输出成果：项目实施方案. An implementation plan is delivered at or
#   before the start of execution, taken as the start of the service period (第五条).
#   A later revision does not matter once one plan was on time.
# custom:
#   clause: "6.3.1"
#   evidence: [deliverables]
#   severity: medium
package contract.deliverables.implementation_plan

import data.contract.lib

clause := "6.3.1"

plans contains {"doc": p, "at": lib.pointer(f.path, ["implementation_plan"])} if {
	some f in lib.files("deliverables")
	p := f.data.implementation_plan
	p != null
}

_on_time contains p if {
	some p in plans
	lib.ns(p.doc.delivered_at) <= lib.period_start
}

deny contains v if {
	count(plans) == 0
	some f in lib.files("deliverables")
	msg := sprintf("no implementation plan delivered (due at the start of the period, %s) [%s]", [data.params.period.start, clause])
	v := lib.violation(msg, lib.pointer(f.path, ["implementation_plan"]))
}

deny contains v if {
	count(_on_time) == 0
	some p in plans
	msg := sprintf("implementation plan %s delivered %s, after the start of the period %s [%s]", [p.doc.doc_id, p.doc.delivered_at, data.params.period.start, clause])
	v := object.union(lib.violation(msg, p.at), {"doc_id": p.doc.doc_id, "delivered_at": p.doc.delivered_at})
}

measure := {"expected": 1, "actual": count(_on_time), "unit": "plan delivered by the start"}
