# METADATA
# title: Management rules set up with Party A
# description: >-
#   乙方应协助甲方建立健全信息系统管理配套制度，包括：运维制度、应急预案、安全保障制度、
#   运行监管办法等 (第九条 2): each document type of data.params.duties.governance_document_types
#   has at least one document delivered to Party A before the service period ends.
# custom:
#   clause: "9.2"
#   evidence: [governance_documents]
#   severity: low
package contract.duties.governance_rules

import data.contract.lib
import data.contract.lib.evidence

clause := "9.2"

_docs := evidence.records("governance_documents", "documents")

_delivered contains e.r.type if {
	some e in _docs
	lib.ns(e.r.delivered_at) < lib.ns(data.params.period.end)
}

deny contains v if {
	some type in data.params.duties.governance_document_types
	not _delivered[type]
	v := lib.violation(sprintf("no %s document delivered to Party A before the period ended [%s]", [type, clause]), evidence.at("governance_documents", "documents"))
}

measure := {"required_types": count(data.params.duties.governance_document_types), "delivered_types": count({t | some t in data.params.duties.governance_document_types; _delivered[t]})}
