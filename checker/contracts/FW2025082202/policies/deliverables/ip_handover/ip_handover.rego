# METADATA
# title: Documents produced under the contract handed over to Party A with their rights
# description: >-
#   本合同执行期间产生的包括但不限于相关电子文档（技术文档等）的知识产权归甲方所有 (第十一条 4):
#   every document deliverable of 第六条 3 in the deliverables register (implementation
#   plan, monthly reports, special service reports, summary report) has a hand-over record
#   naming Party A as owner, listing no right Party B retains, received by Party A (its
#   signed receipt, lib/approval.rego) at or after the delivery.
# custom:
#   clause: "11.4"
#   evidence: [ip_handover, deliverables]
#   severity: low
package contract.deliverables.ip_handover

import data.contract.lib
import data.contract.lib.approval
import data.contract.lib.evidence

clause := "11.4"

_single(f, field) := [{"d": d, "at": lib.pointer(f.path, [field])}] if {
	d := evidence.present(f.data, field)
} else := []

# every document of 6.3 in the register, with its pointer
_documents := {x |
	some f in lib.files("deliverables")
	some x in array.concat(
		array.concat(_single(f, "implementation_plan"), _single(f, "summary_report")),
		array.concat(
			[{"d": d, "at": lib.pointer(f.path, ["monthly_reports", i])} | some i, d in f.data.monthly_reports],
			[{"d": d, "at": lib.pointer(f.path, ["special_reports", i])} | some i, d in f.data.special_reports],
		),
	)
}

_handovers[h.r.doc_id] contains h if {
	some h in evidence.records("ip_handover", "handovers")
}

_problem(doc, h) := sprintf("hand-over %s names %s as owner, not Party A", [h.at, h.r.ip_owner]) if {
	h.r.ip_owner != "party_a"
} else := sprintf("hand-over %s lists rights Party B retains: %s", [h.at, concat(", ", [r.right | some r in h.r.retained_rights])]) if {
	count(h.r.retained_rights) > 0
} else := sprintf("hand-over %s has no receipt of Party A: %s", [h.at, approval.why_not(h.r.receipt, "party_a")]) if {
	not approval.by_party_a(h.r.receipt)
} else := sprintf("hand-over %s: Party A's receipt %s is dated %s, before the document was delivered", [h.at, h.r.receipt.ref, h.r.receipt.signed_at]) if {
	approval.at(h.r.receipt) < lib.ns(doc.delivered_at)
}

# a document is handed over when one of its hand-over records has no problem
_good(doc) if {
	some h in object.get(_handovers, doc.doc_id, set())
	not _problem(doc, h)
}

deny contains v if {
	some x in _documents
	count(object.get(_handovers, x.d.doc_id, set())) == 0
	v := lib.violation(sprintf("document %s \"%s\" delivered at %s has no hand-over record to Party A [%s]", [x.d.doc_id, x.d.title, x.d.delivered_at, clause]), x.at)
}

# every hand-over record of a document is judged: a record retaining a right is Party B's
# claim to that right even when another record of the same document claims none
deny contains v if {
	some x in _documents
	some h in object.get(_handovers, x.d.doc_id, set())
	problem := _problem(x.d, h)
	v := lib.violation(sprintf("document %s \"%s\": %s [%s]", [x.d.doc_id, x.d.title, problem, clause]), x.at)
}

measure := {"documents": count(_documents), "handed_over": count({x.at | some x in _documents; _good(x.d)})}
