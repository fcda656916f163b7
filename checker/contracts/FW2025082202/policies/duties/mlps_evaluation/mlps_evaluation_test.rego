package contract.duties.mlps_evaluation_test

import data.contract.duties.mlps_evaluation as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"duties": {"mlps_level": 3},
}

cert(id, level, from, until) := {"cert_id": id, "type": "mlps_evaluation", "level": level, "scope": "platform", "issuer_role": "mlps_evaluation_agency", "issued_on": from, "valid_from": from, "valid_until": until, "conclusion": "pass"}

evidence(certs) := {"certifications": [{"path": "certs.json", "data": {"kind": "certifications", "as_of": "2026-09-10T00:00:00+08:00", "certificates": certs}}]}

test_success_two_consecutive_evaluations_cover_the_period if {
	certs := [cert("E1", 3, "2024-11-01", "2025-10-31"), cert("E2", 3, "2025-11-01", "2026-10-31")]
	count(policy.deny) == 0 with input.evidence as evidence(certs) with data.params as params
	policy.measure == {"counted": 2, "excluded": 0} with input.evidence as evidence(certs) with data.params as params
}

test_fail_lapse_between_evaluations if {
	# the first evaluation ran out on 2025-12-31, the renewal only took effect on 2026-02-10
	certs := [cert("E1", 3, "2024-11-01", "2025-12-31"), cert("E2", 3, "2026-02-10", "2027-02-09")]
	policy.deny == {{"msg": "no valid passing MLPS evaluation of the platform from 2026-01-01 to 2026-02-09 [3.4.c]", "evidence": "certs.json#/certificates", "from": "2026-01-01", "to": "2026-02-09", "days": 40}} with input.evidence as evidence(certs) with data.params as params
}

test_fail_level_2_and_failed_evaluations_do_not_count if {
	failed := object.union(cert("E2", 3, "2025-01-01", "2026-12-31"), {"conclusion": "fail"})
	certs := [cert("E1", 2, "2025-01-01", "2026-12-31"), failed]
	policy.deny == {{"msg": "no passing MLPS evaluation of the platform counts [3.4.c]", "evidence": "certs.json#/certificates"}} with input.evidence as evidence(certs) with data.params as params
	policy.excluded == {
		{"evidence": "certs.json#/certificates/0", "reason": "MLPS level 2, below the required level 3"},
		{"evidence": "certs.json#/certificates/1", "reason": "conclusion is fail"},
	} with input.evidence as evidence(certs) with data.params as params
}

test_fail_review_is_not_an_evaluation if {
	review := object.union(cert("R1", 3, "2025-01-01", "2026-12-31"), {"type": "cybersecurity_review"})
	policy.deny == {{"msg": "no passing MLPS evaluation of the platform counts [3.4.c]", "evidence": "certs.json#/certificates"}} with input.evidence as evidence([review]) with data.params as params
}

test_fail_evaluation_not_issued_by_an_evaluation_agency if {
	own := object.union(cert("E1", 3, "2025-01-01", "2026-12-31"), {"issuer_role": "party_b"})
	policy.deny == {{"msg": "no passing MLPS evaluation of the platform counts [3.4.c]", "evidence": "certs.json#/certificates"}} with input.evidence as evidence([own]) with data.params as params
	policy.excluded == {{"evidence": "certs.json#/certificates/0", "reason": "issued by party_b, not an MLPS evaluation agency (3.4.c 通过测评: Party B's own word does not count)"}} with input.evidence as evidence([own]) with data.params as params
}
