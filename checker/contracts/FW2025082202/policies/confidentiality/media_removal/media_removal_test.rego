package contract.confidentiality.media_removal_test

import data.contract.confidentiality.media_removal as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

perm(org, at) := {"ref": "MP-1", "organisation_role": org, "role": "security officer", "signed_at": at, "signature": {"method": "seal", "reference": "letters/MP-1.pdf", "sha256": sig}}

rm(at, p, enc) := {"removal_id": "MR-1", "medium": {"type": "disk", "label": "HDD-0042"}, "removed_at": at, "carried_by": "ST-07", "purpose": "vendor repair of a failed disk", "permission": p, "encryption": enc}

enc := {"encrypted": true, "method": "SM4 full-disk encryption"}

ev(rs) := {"media_removals": [{"path": "media.json", "data": {"kind": "media_removals", "as_of": "2026-10-01T00:00:00+08:00", "removals": rs}}]}

test_success_not_applicable_without_removals if {
	policy.not_applicable with input.evidence as ev([]) with data.params as params
}

test_success_permission_signed_at_the_removal_instant_and_encrypted if {
	count(policy.deny) == 0 with input.evidence as ev([rm("2026-02-10T15:00:00+08:00", perm("party_a", "2026-02-10T15:00:00+08:00"), enc)]) with data.params as params
}

test_fail_permission_one_second_after_the_removal if {
	policy.deny == {{"msg": "disk HDD-0042 taken off Party A's site at 2026-02-10T15:00:00+08:00 by ST-07: Party A's permission MP-1 was signed at 2026-02-10T15:00:01+08:00, after the removal [A4.5.6]", "evidence": "media.json#/removals/0"}} with input.evidence as ev([rm("2026-02-10T15:00:00+08:00", perm("party_a", "2026-02-10T15:00:01+08:00"), enc)]) with data.params as params
}

test_fail_permission_without_encryption if {
	policy.deny == {{"msg": "disk HDD-0042 taken off Party A's site at 2026-02-10T15:00:00+08:00 by ST-07: not encrypted [A4.5.6]", "evidence": "media.json#/removals/0"}} with input.evidence as ev([rm("2026-02-10T15:00:00+08:00", perm("party_a", "2026-02-09T15:00:00+08:00"), {"encrypted": false, "method": ""})]) with data.params as params
}

test_fail_encrypted_without_permission_of_party_a if {
	policy.deny == {{"msg": "disk HDD-0042 taken off Party A's site at 2026-02-10T15:00:00+08:00 by ST-07: no written permission of Party A: MP-1 is signed by party_b, not party_a [A4.5.6]", "evidence": "media.json#/removals/0"}} with input.evidence as ev([rm("2026-02-10T15:00:00+08:00", perm("party_b", "2026-02-09T15:00:00+08:00"), enc)]) with data.params as params
}

test_fail_neither_permission_nor_encryption if {
	policy.deny == {{"msg": "disk HDD-0042 taken off Party A's site at 2026-02-10T15:00:00+08:00 by ST-07: no encryption method recorded; no written permission of Party A: there is none [A4.5.6]", "evidence": "media.json#/removals/0"}} with input.evidence as ev([rm("2026-02-10T15:00:00+08:00", null, {"encrypted": true, "method": " "})]) with data.params as params
}
