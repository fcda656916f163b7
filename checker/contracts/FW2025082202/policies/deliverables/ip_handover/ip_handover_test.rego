package contract.deliverables.ip_handover_test

import data.contract.deliverables.ip_handover as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

receipt(org, at) := {"ref": "RC-1", "organisation_role": org, "role": "project lead", "signed_at": at, "signature": {"method": "seal", "reference": "letters/RC-1.pdf", "sha256": sig}}

doc(id, at) := {"doc_id": id, "title": concat(" ", ["report", id]), "delivered_at": at, "received_by_role": "party_a"}

deliverables := {"kind": "deliverables", "as_of": "2026-10-01T00:00:00+08:00",
	"implementation_plan": doc("PLAN", "2025-08-27T10:00:00+08:00"),
	"monthly_reports": [object.union(doc("MR-2025-09", "2025-10-08T10:00:00+08:00"), {"month": "2025-09"})],
	"special_events": [], "special_reports": [], "summary_report": null}

ho(id, owner, retained, rc) := {"doc_id": id, "handed_over_at": "2025-10-08T10:00:00+08:00", "ip_owner": owner, "retained_rights": retained, "receipt": rc}

ev(hs) := {
	"deliverables": [{"path": "del.json", "data": deliverables}],
	"ip_handover": [{"path": "ip.json", "data": {"kind": "ip_handover", "as_of": "2026-10-01T00:00:00+08:00", "handovers": hs}}],
}

good := [
	ho("PLAN", "party_a", [], receipt("party_a", "2025-08-27T10:00:00+08:00")),
	ho("MR-2025-09", "party_a", [], receipt("party_a", "2025-10-08T10:00:00+08:00")),
]

test_success_every_document_handed_over_receipt_at_delivery if {
	count(policy.deny) == 0 with input.evidence as ev(good) with data.params as params
	policy.measure == {"documents": 2, "handed_over": 2} with input.evidence as ev(good) with data.params as params
}

test_fail_receipt_one_second_before_delivery if {
	hs := [good[0], ho("MR-2025-09", "party_a", [], receipt("party_a", "2025-10-08T09:59:59+08:00"))]
	policy.deny == {{"msg": "document MR-2025-09 \"report MR-2025-09\": hand-over ip.json#/handovers/1: Party A's receipt RC-1 is dated 2025-10-08T09:59:59+08:00, before the document was delivered [11.4]", "evidence": "del.json#/monthly_reports/0"}} with input.evidence as ev(hs) with data.params as params
}

test_fail_missing_hand_over_retained_rights_and_owner if {
	hs := [ho("PLAN", "party_b", [], receipt("party_a", "2025-08-28T10:00:00+08:00"))]
	policy.deny == {
		{"msg": "document MR-2025-09 \"report MR-2025-09\" delivered at 2025-10-08T10:00:00+08:00 has no hand-over record to Party A [11.4]", "evidence": "del.json#/monthly_reports/0"},
		{"msg": "document PLAN \"report PLAN\": hand-over ip.json#/handovers/0 names party_b as owner, not Party A [11.4]", "evidence": "del.json#/implementation_plan"},
	} with input.evidence as ev(hs) with data.params as params
}

test_fail_retained_licence_and_unsigned_receipt if {
	hs := [ho("PLAN", "party_a", [{"right": "copyright notice of Party B"}], receipt("party_a", "2025-08-28T10:00:00+08:00")), ho("MR-2025-09", "party_a", [], null)]
	policy.deny == {
		{"msg": "document PLAN \"report PLAN\": hand-over ip.json#/handovers/0 lists rights Party B retains: copyright notice of Party B [11.4]", "evidence": "del.json#/implementation_plan"},
		{"msg": "document MR-2025-09 \"report MR-2025-09\": hand-over ip.json#/handovers/1 has no receipt of Party A: there is none [11.4]", "evidence": "del.json#/monthly_reports/0"},
	} with input.evidence as ev(hs) with data.params as params
}

test_fail_a_second_record_retaining_a_right if {
	hs := array.concat(good, [ho("PLAN", "party_a", [{"right": "reuse licence"}], receipt("party_a", "2025-08-27T10:00:00+08:00"))])
	policy.deny == {{"msg": "document PLAN \"report PLAN\": hand-over ip.json#/handovers/2 lists rights Party B retains: reuse licence [11.4]", "evidence": "del.json#/implementation_plan"}} with input.evidence as ev(hs) with data.params as params
}
