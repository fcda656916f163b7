package contract.lib.approval_test

import data.contract.lib.approval

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

rec(org) := {"ref": "L-1", "organisation_role": org, "role": "project lead", "signed_at": "2026-01-05T10:00:00+08:00", "signature": {"method": "seal", "reference": "letters/L-1.pdf", "sha256": sig}}

test_success_party_a_signed if {
	approval.by_party_a(rec("party_a"))
	not approval.why_not(rec("party_a"), "party_a")
	approval.signed_by(rec("supervision_provider"), "supervision_provider")
}

test_fail_other_signatory_or_none if {
	not approval.by_party_a(rec("party_b"))
	approval.why_not(rec("party_b"), "party_a") == "L-1 is signed by party_b, not party_a"
	not approval.by_party_a(null)
	approval.why_not(null, "party_a") == "there is none"
}

test_fail_no_digest_or_role if {
	r := json.patch(rec("party_a"), [{"op": "replace", "path": "/signature/sha256", "value": "abc"}])
	not approval.by_party_a(r)
	approval.why_not(r, "party_a") == "L-1 carries no verifiable signature of party_a"
	not approval.by_party_a(json.patch(rec("party_a"), [{"op": "replace", "path": "/role", "value": ""}]))
}
