# METADATA
# title: Dates, working days and amounts for deadline clauses
# description: >-
#   Calendar dates in the contract's time zone, natural-day and month arithmetic on
#   dates, the n-th working day after a date from China's official calendar
#   (data.calendar.working_days, listed by checker/workdays.py from chinese-calendar, with
#   the adjusted working days), and CNY amounts as whole fen (exact; never floats).
#   Deadlines count from the day after the event (the day of the event itself is not
#   counted, 民法典 第二百零一条).
package contract.lib.calendar

import data.contract.lib

# ---- dates ---------------------------------------------------------------------
# date_of(ts): the calendar date (YYYY-MM-DD) of an RFC 3339 timestamp in the contract's zone.
date_of(ts) := day_of_ns(lib.ns(ts))

# day_of_ns(t): the same for a time in ns since the epoch
day_of_ns(t) := ymd(time.date([t, data.params.timezone]))

ymd(parts) := sprintf("%04d-%02d-%02d", parts)

# date arithmetic runs on UTC midnights, so no zone offset can shift a day
_midnight(d) := time.parse_rfc3339_ns(sprintf("%sT00:00:00Z", [d]))

add_days(d, n) := ymd(time.date(time.add_date(_midnight(d), 0, 0, n)))

add_months(d, n) := ymd(time.date(time.add_date(_midnight(d), 0, n, 0)))

# days_between(a, b): whole calendar days from date a to date b (negative when b < a).
days_between(a, b) := round((_midnight(b) - _midnight(a)) / ((24 * 3600) * 1000000000))

# first and last calendar day of the service period (the end in params is exclusive).
# regorus quirk: a complete rule here must not read lib.period_end (a complete rule of
# another package over data.params): under `with data.params` regorus then reports a
# false recursion. Read data.params directly.
period_first_day := date_of(data.params.period.start)

period_last_day := ymd(time.date([lib.ns(data.params.period.end) - 1, data.params.timezone]))

# ---- coverage ----------------------------------------------------------------------
# gaps(windows): the runs of days of the service period that no window covers, each
# [first day, last day]; a window is [from, until], dates, both inclusive. A run starts
# at the period's first day or the day after a window ends; it ends the day before the
# next window starts, or at the period's last day.
gaps(windows) := {[p, _gap_end(p, windows)] |
	some p in _gap_starts(windows)
	not _covered(p, windows)
}

_gap_starts(windows) := {period_first_day} | {d |
	some w in windows
	d := add_days(w[1], 1)
	d > period_first_day
	d <= period_last_day
}

_covered(d, windows) if {
	some w in windows
	w[0] <= d
	d <= w[1]
}

_gap_end(p, windows) := add_days(min(later), -1) if {
	later := {w[0] | some w in windows; w[0] > p; w[0] <= period_last_day}
	count(later) > 0
} else := period_last_day

# ---- working days ----------------------------------------------------------------
# working_day_after(d, n): the n-th working day strictly after date d; undefined when the
# calendar (the years chinese-calendar knows) does not reach that far: callers must
# treat that as a violation (see covers).
working_day_after(d, n) := days[n - 1] if {
	days := [w | some w in data.calendar.working_days; w > d]
	count(days) >= n
}

# working_days_between(a, b): working days in (a, b], i.e. how many working days after
# a the date b is (b's own working day counted).
working_days_between(a, b) := count([w | some w in data.calendar.working_days; w > a; w <= b])

# covers(d): the calendar knows whether d is a working day.
covers(d) if {
	data.calendar.first_day <= d
	d <= data.calendar.last_day
}

# ---- amounts ---------------------------------------------------------------------
# fen("1512160.00") = 151216000. Amounts are decimal strings with two places (the
# parameters and evidence schemas enforce it); to_number refuses leading zeros, hence trim.
fen(amount) := 0 if {
	trim_left(replace(amount, ".", ""), "0") == ""
} else := to_number(trim_left(replace(amount, ".", ""), "0"))

# cny(151216000) = "1512160.00", for messages
cny(f) := sprintf("%d.%02d", [floor(f / 100), f % 100])

sum_fen(amounts) := sum([fen(a) | some a in amounts])
