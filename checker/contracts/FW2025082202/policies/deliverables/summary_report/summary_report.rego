# METADATA
# title: Summary report at acceptance
# description: >-
#   第六条 3 项目验收阶段 输出成果：项目总结报告. Once the acceptance stage is reached (the
#   export time as_of is at or after the end of the period) a summary report is present;
#   when the acceptance date is known it was delivered at or before it (第六条 2:
#   materials are submitted before acceptance). not_applicable before the period ends.
# custom:
#   clause: "6.3.4"
#   evidence: [deliverables]
#   severity: medium
package contract.deliverables.summary_report

import data.contract.lib

clause := "6.3.4"

_files contains f if {
	some f in lib.files("deliverables")
	lib.ns(f.data.as_of) >= lib.period_end
}

summaries contains {"doc": s, "at": lib.pointer(f.path, ["summary_report"]), "acceptance_at": object.get(f.data, "acceptance_at", null)} if {
	some f in _files
	s := f.data.summary_report
	s != null
}

_in_time(s) if s.acceptance_at == null

_in_time(s) if {
	s.acceptance_at != null
	lib.ns(s.doc.delivered_at) <= lib.ns(s.acceptance_at)
}

_ok contains s if {
	some s in summaries
	_in_time(s)
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
	msg := sprintf("summary report %s delivered %s, after acceptance on %s [%s]", [s.doc.doc_id, s.doc.delivered_at, s.acceptance_at, clause])
	v := object.union(lib.violation(msg, s.at), {"doc_id": s.doc.doc_id, "delivered_at": s.doc.delivered_at})
}

not_applicable if count(_files) == 0

measure := {"expected": 1, "actual": count(_ok), "unit": "summary report"}
