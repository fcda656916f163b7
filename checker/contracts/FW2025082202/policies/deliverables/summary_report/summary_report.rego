# METADATA
# title: Summary report delivered before acceptance
# description: >-
#   第六条 3 项目验收阶段 输出成果：项目总结报告; 乙方应当在验收前向甲方提交验收材料 (第六条 2);
#   乙方交付所有工作成果及技术服务报告后，由甲方验收 (第七条 2(2)): once the acceptance stage is
#   reached (the export time as_of is at or after the end of the period) a summary report is
#   present and was delivered before the first acceptance meeting (the acceptance kind's
#   first round: held_at, else the start of held_on; else the register's acceptance_at).
#   Without any acceptance date, delivery before acceptance is not shown: not on time.
#   not_applicable before the period ends.
# custom:
#   clause: "6.3.4"
#   evidence: [deliverables]
#   optional: [acceptance]
#   severity: medium
package contract.deliverables.summary_report

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "6.3.4"

_files contains f if {
	some f in lib.files("deliverables")
	lib.ns(f.data.as_of) >= lib.period_end
}

summaries contains {"doc": s, "at": lib.pointer(f.path, ["summary_report"])} if {
	some f in _files
	s := f.data.summary_report
	s != null
}

# the first acceptance meeting, in ns: Party A's acceptance record first
_rounds := evidence.records("acceptance", "rounds")

_meeting(r) := lib.ns(r.held_at) if {
	evidence.present(r, "held_at")
} else := cal.day_start_ns(r.held_on)

acceptance_ns := min({_meeting(e.r) | some e in _rounds}) if {
	count(_rounds) > 0
} else := min({lib.ns(a) | some f in _files; a := evidence.present(f.data, "acceptance_at")})

_ok contains s if {
	some s in summaries
	lib.ns(s.doc.delivered_at) < acceptance_ns
}

deny contains v if {
	count(summaries) == 0
	some f in _files
	msg := sprintf("no summary report delivered for acceptance (period ended %s) [%s]", [data.params.period.end, clause])
	v := lib.violation(msg, lib.pointer(f.path, ["summary_report"]))
}

deny contains v if {
	count(_ok) == 0
	some s in summaries
	msg := sprintf("summary report %s delivered %s, not before the acceptance meeting of %s [%s]", [s.doc.doc_id, s.doc.delivered_at, lib.local_time(acceptance_ns), clause])
	v := object.union(lib.violation(msg, s.at), {"doc_id": s.doc.doc_id, "delivered_at": s.doc.delivered_at})
}

deny contains v if {
	not acceptance_ns
	some s in summaries
	msg := sprintf("summary report %s delivered %s, but no acceptance date is recorded: delivery before acceptance is not shown [%s]", [s.doc.doc_id, s.doc.delivered_at, clause])
	v := object.union(lib.violation(msg, s.at), {"doc_id": s.doc.doc_id, "delivered_at": s.doc.delivered_at})
}

not_applicable if count(_files) == 0

measure := {"expected": 1, "actual": count(_ok), "unit": "summary report"}
