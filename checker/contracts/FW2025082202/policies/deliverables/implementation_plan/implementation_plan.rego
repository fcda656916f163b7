# METADATA
# title: Implementation plan at project start
# description: >-
#   第六条 3 项目启动阶段 输出成果：项目实施方案. An implementation plan is delivered by the end
#   of the start-up stage (项目启动阶段): the start of the service period (第五条) plus
#   data.params.deliverables.implementation_plan_grace_days days (0, the literal reading:
#   at or before the start). A later revision does not matter once one plan was on time.
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

_day_ns := ((24 * 60) * 60) * 1000000000

# the end of the start-up stage, in ns
due_ns := lib.period_start + (data.params.deliverables.implementation_plan_grace_days * _day_ns)

_on_time contains p if {
	some p in plans
	lib.ns(p.doc.delivered_at) <= due_ns
}

deny contains v if {
	count(plans) == 0
	some f in lib.files("deliverables")
	msg := sprintf("no implementation plan delivered (due by the end of the start-up stage, %s) [%s]", [lib.local_time(due_ns), clause])
	v := lib.violation(msg, lib.pointer(f.path, ["implementation_plan"]))
}

deny contains v if {
	count(_on_time) == 0
	some p in plans
	msg := sprintf("implementation plan %s delivered %s, after the end of the start-up stage %s [%s]", [p.doc.doc_id, p.doc.delivered_at, lib.local_time(due_ns), clause])
	v := object.union(lib.violation(msg, p.at), {"doc_id": p.doc.doc_id, "delivered_at": p.doc.delivered_at})
}

measure := {"expected": 1, "actual": count(_on_time), "unit": "plan delivered by the start"}
