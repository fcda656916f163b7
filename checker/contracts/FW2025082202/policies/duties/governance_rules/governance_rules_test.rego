package contract.duties.governance_rules_test

import data.contract.duties.governance_rules as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}, "duties": {"governance_document_types": ["ops_rules", "emergency_plan"]}}

doc(type, at) := {"doc_id": type, "title": type, "type": type, "delivered_at": at}

evidence(docs) := {"governance_documents": [{"path": "gov.json", "data": {"kind": "governance_documents", "as_of": "2026-09-10T00:00:00+08:00", "documents": docs}}]}

test_success_every_type_delivered if {
	ev := evidence([doc("ops_rules", "2025-09-20T10:00:00+08:00"), doc("emergency_plan", "2025-10-20T10:00:00+08:00")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"required_types": 2, "delivered_types": 2} with input.evidence as ev with data.params as params
}

test_fail_missing_type_and_late_document if {
	ev := evidence([doc("ops_rules", "2025-09-20T10:00:00+08:00"), doc("emergency_plan", "2026-09-03T10:00:00+08:00")])
	policy.deny == {{"msg": "no emergency_plan document delivered to Party A before the period ended [9.2]", "evidence": "gov.json#/documents"}} with input.evidence as ev with data.params as params
}
