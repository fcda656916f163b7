package contract.baseline.tenant_isolation_test

import data.contract.baseline.tenant_isolation as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

test_(id, at, result) := {"test_id": id, "at": at, "result": result, "method": "cross-tenant network and storage probe"}

evidence(tests) := {"platform_security": [{"path": "ps.json", "data": {"kind": "platform_security", "tenant_isolation": {"mechanism": "VPC + hypervisor", "tests": tests}}}]}

test_success_failed_test_retested_and_passed if {
	tests := [test_("t1", "2025-10-01T10:00:00+08:00", "fail"), test_("t2", "2025-10-08T10:00:00+08:00", "pass")]
	count(policy.deny) == 0 with input.evidence as evidence(tests) with data.params as params
}

test_fail_failed_test_never_retested if {
	tests := [test_("t1", "2025-10-01T10:00:00+08:00", "pass"), test_("t2", "2026-03-01T10:00:00+08:00", "fail")]
	policy.deny == {{"msg": "tenant isolation test t2 failed at 2026-03-01T10:00:00+08:00 and no later test passed [2.2.2.12]", "evidence": "ps.json#/tenant_isolation/tests/1"}} with input.evidence as evidence(tests) with data.params as params
}

test_fail_only_a_test_before_the_period if {
	tests := [test_("t0", "2025-08-01T10:00:00+08:00", "pass")]
	policy.deny == {{"msg": "no tenant isolation test inside the service period [2.2.2.12]", "evidence": "ps.json#/tenant_isolation/tests"}} with input.evidence as evidence(tests) with data.params as params
}
