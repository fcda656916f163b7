package contract.baseline.ips_test

import data.contract.baseline.ips as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-11-03T00:00:00+08:00", "months": 2}}

check(month, at, result) := {"month": month, "at": at, "result": result}

good := [check("2025-09", "2025-09-10T10:00:00+08:00", "ok"), check("2025-10", "2025-10-10T10:00:00+08:00", "ok")]

evidence(enabled, checks) := {"platform_security": [{"path": "ps.json", "data": {"kind": "platform_security", "ips": {"enabled": enabled, "product": "vendor X", "checks": checks}}}]}

test_success_enabled_and_ok_every_month if {
	count(policy.deny) == 0 with input.evidence as evidence(true, good) with data.params as params
}

test_fail_disabled_control if {
	policy.deny == {{"msg": "ips is not enabled [2.2.2.10]", "evidence": "ps.json#/ips/enabled"}} with input.evidence as evidence(false, good) with data.params as params
}

test_fail_month_with_only_a_down_check if {
	checks := [good[0], check("2025-10", "2025-10-10T10:00:00+08:00", "down")]
	policy.deny == {
		{"msg": "ips: no successful status check in service month 2025-10 [2.2.2.10]", "evidence": "ps.json#/ips/checks", "month": "2025-10"},
		{"msg": "ips was down at 2025-10-10T10:00:00+08:00 [2.2.2.10]", "evidence": "ps.json#/ips/checks/1", "month": "2025-10"},
	} with input.evidence as evidence(true, checks) with data.params as params
}
