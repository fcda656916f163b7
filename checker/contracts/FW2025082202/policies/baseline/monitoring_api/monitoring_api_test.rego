package contract.baseline.monitoring_api_test

import data.contract.baseline.monitoring_api as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-10-03T00:00:00+08:00", "months": 1}}

api(to, from) := {"endpoint": "https://monitor.example.invalid/api/v1", "auth": "token", "issued_to": {"organisation_role": to, "role": "system administrator"}, "available_from": from, "checks": [{"month": "2025-09", "at": "2025-09-10T10:00:00+08:00", "result": "ok"}]}

evidence(a) := {"platform_security": [{"path": "ps.json", "data": {"kind": "platform_security", "monitoring_api": a}}]}

test_success_issued_to_party_a_from_the_start if {
	count(policy.deny) == 0 with input.evidence as evidence(api("party_a", "2025-09-01T00:00:00+08:00")) with data.params as params
}

test_fail_late_and_kept_by_party_b if {
	policy.deny == {
		{"msg": "monitoring API issued to party_b, not to Party A [2.2.2.16]", "evidence": "ps.json#/monitoring_api/issued_to"},
		{"msg": "monitoring API available only from 2025-09-20T00:00:00+08:00, the period starts 2025-09-03T00:00:00+08:00 [2.2.2.16]", "evidence": "ps.json#/monitoring_api/available_from"},
	} with input.evidence as evidence(api("party_b", "2025-09-20T00:00:00+08:00")) with data.params as params
}
