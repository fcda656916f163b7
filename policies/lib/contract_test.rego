package contract.lib_test

import data.contract.lib

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}, "services": {"9.9": {"quantity": 2, "unit": "host"}}}

test_success_in_period_inclusive_start_exclusive_end if {
	lib.in_period("2025-09-03T00:00:00+08:00") with data.params as params
	lib.in_period("2026-09-02T23:59:59+08:00") with data.params as params
	not lib.in_period("2026-09-03T00:00:00+08:00") with data.params as params
	not lib.in_period("2025-09-02T15:59:59Z") with data.params as params
}

test_success_pointer_joins_segments if {
	lib.pointer("a.json", ["scans", 3, "findings"]) == "a.json#/scans/3/findings"
}

test_success_minutes_between if {
	lib.minutes_between("2025-09-03T10:00:00+08:00", "2025-09-03T02:05:00Z") == 5
}

test_fail_shortfall_when_below_quantity if {
	v := lib.shortfall("9.9", 1, "x.json#/hosts") with data.params as params
	v.evidence == "x.json#/hosts"
	contains(v.msg, "shortfall 1")
}

test_success_no_shortfall_at_quantity if {
	not lib.shortfall("9.9", 2, "x.json#/hosts") with data.params as params
}
