package contract.lib.coverage_test

import data.contract.lib

test_success_overlapping_and_nested_intervals_leave_only_real_gaps if {
	lib.gaps([[5, 10], [0, 3], [6, 8], [12, 20]], 0, 25) == {[3, 5], [10, 12], [20, 25]}
}

test_success_interval_reaching_past_a_nested_one_hides_no_gap if {
	# [0,10] covers [2,3]; the gap after [2,3] is not a gap because [0,10] still runs
	lib.gaps([[0, 10], [2, 3], [10, 15]], 0, 15) == set()
}

test_fail_nothing_covers_the_whole_window if {
	lib.gaps([], 0, 25) == {[0, 25]}
}

test_success_intervals_are_clipped_to_the_window if {
	lib.gaps([[-5, 30]], 0, 25) == set()
	lib.gaps([[-5, 3], [30, 40]], 0, 25) == {[3, 25]}
}

test_success_local_time_in_contract_zone if {
	lib.local_time(time.parse_rfc3339_ns("2025-10-01T00:00:00Z")) == "2025-10-01T08:00:00+08:00" with data.params as {"timezone": "Asia/Shanghai"}
}

test_success_an_inverted_interval_covers_nothing if {
	lib.gaps([[0, 10], [20, 15], [30, 40]], 0, 40) == {[10, 30]}
}

test_success_prefix_sums_of_an_empty_and_a_short_list if {
	lib.prefix_sums([]) == []
	lib.prefix_sums([5]) == [5]
	lib.prefix_sums([1, 2, 3]) == [1, 3, 6]
}

test_success_prefix_sums_across_blocks if {
	# 64 per block: totals at the block edges and past them
	xs := [i | some i in numbers.range(1, 200)]
	got := lib.prefix_sums(xs)
	count(got) == 200
	got[62] == 2016
	got[63] == 2080
	got[64] == 2145
	got[127] == 8256
	got[128] == 8385
	got[199] == 20100
}
