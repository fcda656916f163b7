# METADATA
# title: Coverage helpers for 7x24 obligations
# description: >-
#   Gaps in a set of time intervals (duty shifts, monitoring windows) and service months
#   without a record. Generic: used by 2.2.2.1, 2.2.2.6-2.2.2.16, 3.6 and 3.9.
package contract.lib

# gaps(intervals, lo, hi): the parts of [lo, hi) that no interval covers, as a set of
# [from, to] pairs in ns. intervals: [[start_ns, end_ns], ...] (any order, may overlap,
# end exclusive). Sorted once; the prefix maximum is only computed where two
# consecutive intervals do not touch, so a roster of a year costs about n log n.
gaps(intervals, lo, hi) := {g |
	# no clipping needed: every kept interval overlaps [lo, hi), so each gap found
	# between them, before the first or after the last lies inside the window
	iv := sort([x |
		some x in intervals
		x[0] < hi
		x[1] > lo
		x[0] < x[1]
	])
	some g in _gaps(iv, lo, hi)
}

_gaps(iv, lo, hi) := {[lo, hi]} if {
	count(iv) == 0
	lo < hi
} else := {g |
	some g in array.concat(array.concat(_head(iv, lo), _inner(iv)), _tail(iv, hi))
}

_head(iv, lo) := [[lo, iv[0][0]]] if {
	iv[0][0] > lo
} else := []

_tail(iv, hi) := [[reach, hi]] if {
	reach := max({x[1] | some x in iv})
	reach < hi
} else := []

_inner(iv) := [[reach, iv[i + 1][0]] |
	some i in numbers.range(0, count(iv) - 2)
	iv[i + 1][0] > iv[i][1]
	reach := max({iv[j][1] | some j in numbers.range(0, i)})
	iv[i + 1][0] > reach
]

# minutes of a [from, to] pair in ns (fractional minutes are kept).
gap_minutes(g) := (g[1] - g[0]) / 60000000000

# local_time (an instant in the contract's zone, for messages) is in contract.rego.
