# METADATA
# title: A monthly report for every service month, on time
# description: >-
#   第六条 3 项目执行阶段 输出成果：项目月报 (and 第九条 8). One report per service month
#   (named by the calendar month the service month starts in), delivered by the end of
#   day deliverables.monthly_report_due_day of the following calendar month, on the
#   contract's calendar. Months not yet due at the export time (as_of) are not judged.
# custom:
#   clause: "6.3.2"
#   evidence: [deliverables]
#   severity: medium
package contract.deliverables.monthly_reports

import data.contract.lib

clause := "6.3.2"

_day_ns := ((24 * 60) * 60) * 1000000000

_start := data.params.period.start

# the UTC offset written in the period start, used to build local instants
_offset := "Z" if {
	endswith(_start, "Z")
} else := substring(_start, count(_start) - count(_offset_form), count(_offset_form))

# the shape of a numeric offset: its length, spelled without a number (6 is a contract
# number since 13.1's exit notice months)
_offset_form := "+hh:mm"

# mid-month of the first service month (day 15, noon): adding months to it never
# overflows into the following month, whatever day the period starts on
_mid := n if {
	d := time.date([lib.ns(_start), data.params.timezone])
	n := lib.ns(sprintf("%04d-%02d-15T12:00:00%s", [d[0], d[1], _offset]))
}

_ym(i) := time.date([time.add_date(_mid, 0, i, 0), data.params.timezone])

# one entry per service month: label, due date (text) and the instant the due day ends
months contains {"month": label, "due": due, "deadline": deadline} if {
	some i in numbers.range(0, data.params.period.months - 1)
	cur := _ym(i)
	nxt := _ym(i + 1)
	label := sprintf("%04d-%02d", [cur[0], cur[1]])
	due := sprintf("%04d-%02d-%02d", [nxt[0], nxt[1], data.params.deliverables.monthly_report_due_day])
	deadline := lib.ns(sprintf("%sT00:00:00%s", [due, _offset])) + _day_ns
}

_as_of := min([lib.ns(f.data.as_of) | some f in lib.files("deliverables")])

due_months contains m if {
	some m in months
	m.deadline <= _as_of
}

reports contains {"doc": r, "at": lib.pointer(f.path, ["monthly_reports", j])} if {
	some f in lib.files("deliverables")
	some j, r in f.data.monthly_reports
}

_of(label) := [r | some r in reports; r.doc.month == label]

# the report that counts for a month: the earliest delivered
_first_report(label) := r if {
	rs := _of(label)
	earliest := min([lib.ns(x.doc.delivered_at) | some x in rs])
	some r in rs
	lib.ns(r.doc.delivered_at) == earliest
}

_on_time contains m.month if {
	some m in due_months
	r := _first_report(m.month)
	lib.ns(r.doc.delivered_at) < m.deadline
}

deny contains v if {
	some m in due_months
	count(_of(m.month)) == 0
	some f in lib.files("deliverables")
	msg := sprintf("no monthly report for service month %s (due by %s) [%s]", [m.month, m.due, clause])
	v := object.union(lib.violation(msg, lib.pointer(f.path, ["monthly_reports"])), {"month": m.month, "due": m.due})
}

deny contains v if {
	some m in due_months
	r := _first_report(m.month)
	lib.ns(r.doc.delivered_at) >= m.deadline
	msg := sprintf("monthly report %s for %s delivered %s, due by %s [%s]", [r.doc.doc_id, m.month, r.doc.delivered_at, m.due, clause])
	v := object.union(lib.violation(msg, r.at), {"month": m.month, "due": m.due, "doc_id": r.doc.doc_id, "delivered_at": r.doc.delivered_at})
}

measure := out if {
	late := count([1 | some m in due_months; count(_of(m.month)) > 0; not m.month in _on_time])
	out := {
		"expected": count(due_months),
		"actual": count(_on_time),
		"unit": "monthly reports on time",
		"missing": count([1 | some m in due_months; count(_of(m.month)) == 0]),
		"late": late,
		"not_yet_due": count(months) - count(due_months),
	}
}
