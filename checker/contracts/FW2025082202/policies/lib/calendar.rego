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

# ---- periods in days and months (民法典 第二百零一条 to 第二百零四条) -------------------
# One reading for every deadline the contract writes in 日/天/个月 (6.2 15 日, 8.9 5 日,
# 13.2 10 天, 13.3 1 个月, 15.5 5 日): the day of the event is not counted (201), a period
# of n days ends on the n-th day after the event's day, a period of n months on the day of
# the n-th following month that corresponds to the event's day, or that month's last day
# when it has none (202); when that last day is a 法定休假日 (a day the official calendar
# does not list as a working day: a public holiday, or a weekly rest day that is not an
# adjusted working day) the period ends on the first working day after it (203); the last
# day ends at 24:00 (203), so an act at the instant 24:00 (00:00 of the next day) is in
# time and one minute later is late. Undefined when the calendar (the years
# chinese-calendar knows) does not reach the last day: callers report that.
# 自然日 (3.4.d, A3.4) is the same count without the holiday rule: natural_period_end_days.

# rest_day(d): d is a 法定休假日 of the official calendar
rest_day(d) if {
	covers(d)
	not _working[d]
}

_working contains w if some w in data.calendar.working_days

# last_day_of_days(d, n): the last day of a period of n 日 from the event day d
last_day_of_days(d, n) := _shift(add_days(d, n))

# last_day_of_months(d, n): the last day of a period of n 个月 from the event day d
last_day_of_months(d, n) := _shift(month_day(d, n))

# month_day(d, n): the day of the n-th month after d corresponding to d, or that month's
# last day when it has none (民法典 第二百零二条); Go's add_date would roll 01-31 + 1 month
# over to 03-03.
month_day(d, n) := candidate if {
	candidate := add_months(d, n)
	split(candidate, "-")[2] == split(d, "-")[2]
} else := add_days(add_months(_first_of_month(d), n + 1), -1)

_first_of_month(d) := sprintf("%s-%s-01", [p[0], p[1]]) if p := split(d, "-")

# the first working day on or after d (d itself when it is one)
_shift(d) := d if {
	covers(d)
	_working[d]
} else := working_day_after(d, 1) if covers(d)

# period_end_days(event_ns, n) / period_end_months(event_ns, n): the instant (ns) the
# period ends, 24:00 of its last day in the contract's time zone; in time iff t <= end
period_end_days(event_ns, n) := day_end_ns(last_day_of_days(day_of_ns(event_ns), n))

period_end_months(event_ns, n) := day_end_ns(last_day_of_months(day_of_ns(event_ns), n))

# the same from an event day (a date) rather than an instant
day_period_end_days(d, n) := day_end_ns(last_day_of_days(d, n))

day_period_end_months(d, n) := day_end_ns(last_day_of_months(d, n))

# natural_period_end_days(event_ns, n): n 自然日 with no holiday rule (the reading of 3.4.d
# and A3.4 recorded in the catalogue; the holiday rule is not applied to 自然日)
natural_period_end_days(event_ns, n) := day_end_ns(add_days(day_of_ns(event_ns), n))

# day_end_ns(d): 24:00 of day d in the contract's zone = 00:00 of the next day there
day_end_ns(d) := day_start_ns(add_days(d, 1))

# day_start_ns(d): 00:00 of day d in the contract's zone. The zone's offset is read at
# that UTC midnight (exact for zones without a daylight-saving change near midnight, as
# Asia/Shanghai).
day_start_ns(d) := _midnight(d) - _offset_ns(_midnight(d))

_offset_ns(t) := (_midnight(day_of_ns(t)) + (((c[0] * 60) + c[1]) * 60 + c[2]) * 1000000000) - t if {
	c := time.clock([t, data.params.timezone])
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
