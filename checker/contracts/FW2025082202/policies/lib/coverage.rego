# METADATA
# title: Coverage helpers for 7x24 obligations
# description: >-
#   Gaps in a set of time intervals (duty shifts, monitoring windows) and service months
#   without a record. Generic: used by 2.2.2.1, 2.2.2.6-2.2.2.16, 3.6.a and 3.9.
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
	ends := [x[1] | some x in iv]
	some g in _gaps(iv, ends, lo, hi)
}

_gaps(iv, ends, lo, hi) := {[lo, hi]} if {
	count(iv) == 0
	lo < hi
} else := {g |
	some g in array.concat(array.concat(_head(iv, lo), _inner(iv, ends)), _tail(ends, hi))
}

_head(iv, lo) := [[lo, iv[0][0]]] if {
	iv[0][0] > lo
} else := []

_tail(ends, hi) := [[reach, hi]] if {
	reach := max(ends)
	reach < hi
} else := []

# a gap before interval i: it starts after the previous one ends (cheap test on a flat
# array of ends) and after every earlier one ends (prefix maximum, only for those)
_inner(iv, ends) := [[reach, x[0]] |
	some i, x in iv
	i > 0
	x[0] > ends[i - 1]
	reach := max(array.slice(ends, 0, i))
	x[0] > reach
]

# prefix_sums(xs): the running totals [xs[0], xs[0] + xs[1], ...]. Summed per block of 64,
# so a long list (the pieces of a year of probe samples) stays near linear.
_block := 64

prefix_sums(xs) := [] if {
	count(xs) == 0
} else := [s |
	blocks := [sum(array.slice(xs, b * _block, (b + 1) * _block)) | some b in numbers.range(0, floor((count(xs) - 1) / _block))]
	before := [sum(array.slice(blocks, 0, b)) | some b, _ in blocks]
	some i, _ in xs
	b := floor(i / _block)
	s := before[b] + sum(array.slice(xs, b * _block, i + 1))
]

# minutes of a [from, to] pair in ns (fractional minutes are kept).
gap_minutes(g) := (g[1] - g[0]) / 60000000000

# local_time (an instant in the contract's zone, for messages) is in contract.rego.
