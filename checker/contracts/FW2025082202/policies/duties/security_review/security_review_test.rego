package contract.duties.security_review_test

import data.contract.duties.security_review as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"duties": {"mlps_level": 3},
}

review(id, scope, from, until) := {"cert_id": id, "type": "cybersecurity_review", "scope": scope, "issuer_role": "cac_review_body", "issued_on": from, "valid_from": from, "valid_until": until, "conclusion": "pass"}

evidence(certs) := {"certifications": [{"path": "certs.json", "data": {"kind": "certifications", "as_of": "2026-09-10T00:00:00+08:00", "certificates": certs}}]}

test_success_one_review_valid_over_the_period if {
	count(policy.deny) == 0 with input.evidence as evidence([review("R1", "platform", "2024-03-01", "2027-02-28")]) with data.params as params
}

test_fail_review_expires_before_the_end if {
	policy.deny == {{"msg": "no valid passed third-party cybersecurity review of the platform from 2026-07-01 to 2026-09-02 [10.2.3]", "evidence": "certs.json#/certificates", "from": "2026-07-01", "to": "2026-09-02", "days": 64}} with input.evidence as evidence([review("R1", "platform", "2023-07-01", "2026-06-30")]) with data.params as params
}

test_fail_review_of_a_tenant_system_does_not_count if {
	policy.deny == {{"msg": "no passed third-party cybersecurity review of the platform counts [10.2.3]", "evidence": "certs.json#/certificates"}} with input.evidence as evidence([review("R1", "tenant_system", "2024-03-01", "2027-02-28")]) with data.params as params
	policy.excluded == {{"evidence": "certs.json#/certificates/0", "reason": "covers a tenant system, not the platform"}} with input.evidence as evidence([review("R1", "tenant_system", "2024-03-01", "2027-02-28")]) with data.params as params
}
