# METADATA
# title: Tenant isolation tested
# description: >-
#   租户隔离 (第二条 2(2) 安全技术服务 第9项: 租户虚拟化层隔离): at least one isolation
#   test inside the period, and every failed test followed by a passing retest before
#   the period ends.
# custom:
#   clause: "2.2.2.12"
#   evidence: [platform_security]
#   severity: medium
package contract.baseline.tenant_isolation

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.12"

tests contains {"test": t, "at": lib.pointer(s.path, ["tenant_isolation", "tests", i])} if {
	some s in controls.sections("tenant_isolation")
	some i, t in s.section.tests
	lib.in_period(t.at)
}

deny contains v if {
	count(tests) == 0
	some s in controls.sections("tenant_isolation")
	v := lib.violation(sprintf("no tenant isolation test inside the service period [%s]", [clause]), lib.pointer(s.path, ["tenant_isolation", "tests"]))
}

deny contains v if {
	some e in tests
	e.test.result == "fail"
	not _retested(e.test)
	msg := sprintf("tenant isolation test %s failed at %s and no later test passed [%s]", [e.test.test_id, e.test.at, clause])
	v := lib.violation(msg, e.at)
}

_retested(t) if {
	some later in tests
	later.test.result == "pass"
	lib.ns(later.test.at) > lib.ns(t.at)
}

measure := {"tests": count(tests), "failed": count([e | some e in tests; e.test.result == "fail"])}
