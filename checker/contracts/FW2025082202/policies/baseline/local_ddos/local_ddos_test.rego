package contract.baseline.local_ddos_test

import data.contract.baseline.local_ddos as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-11-03T00:00:00+08:00", "months": 2}, "baseline": {"ddos_capacity_gbps": 20}}

check(month, at, gbps) := {"month": month, "at": at, "result": "ok", "capacity_gbps": gbps}

good := [check("2025-09", "2025-09-10T10:00:00+08:00", 20), check("2025-10", "2025-10-10T10:00:00+08:00", 40)]

evidence(capacity, checks) := {"platform_security": [{"path": "ps.json", "data": {"kind": "platform_security", "ddos": {"enabled": true, "product": "vendor X", "capacity_gbps": capacity, "checks": checks}}}]}

test_success_twenty_gbps_checked_monthly if {
	count(policy.deny) == 0 with input.evidence as evidence(20, good) with data.params as params
	policy.measure == {"expected": 20, "actual": 20, "unit": "Gbps"} with input.evidence as evidence(20, good) with data.params as params
}

test_fail_ten_gbps_configured_and_measured if {
	checks := [good[0], check("2025-10", "2025-10-10T10:00:00+08:00", 10)]
	policy.deny == {
		{"msg": "configured anti-DDoS capacity 10 Gbps, contracted 20 Gbps [2.2.2.8]", "evidence": "ps.json#/ddos/capacity_gbps"},
		{"msg": "anti-DDoS capacity measured 10 Gbps at 2025-10-10T10:00:00+08:00, contracted 20 Gbps [2.2.2.8]", "evidence": "ps.json#/ddos/checks/1", "month": "2025-10"},
	} with input.evidence as evidence(10, checks) with data.params as params
}
