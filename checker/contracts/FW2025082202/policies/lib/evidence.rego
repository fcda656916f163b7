# METADATA
# title: Where an evidence kind is, and when it was exported
# description: >-
#   Small helpers for clauses over register-like kinds (one file per kind with an
#   `as_of` export time): the pointer a clause-level violation cites even when the file
#   is absent (policy tests), and "now" for deadlines still running.
package contract.lib.evidence

import data.contract.lib
import data.contract.lib.calendar as cal

# at(kind, field): "<path>#/<field>" of the kind's first file; "<kind>#/<field>" without one
at(kind, field) := sprintf("%s#/%s", [p, field]) if {
	p := lib.files(kind)[0].path
} else := sprintf("%s#/%s", [kind, field])

# as_of(kind): the latest export time of the kind's files, in ns; undefined without files
as_of(kind) := max({lib.ns(f.data.as_of) | some f in lib.files(kind)})

# today(kind): the calendar date (contract zone) of the kind's export time
today(kind) := cal.day_of_ns(as_of(kind))

# records(kind, field): every item of the array `field` of every file of the kind, with
# its pointer: {"r": item, "at": "path#/field/i"}
records(kind, field) := {{"r": r, "at": lib.pointer(f.path, [field, i])} |
	some f in lib.files(kind)
	some i, r in object.get(f.data, field, [])
}

# value of an optional field: undefined when absent or null
present(obj, field) := v if {
	v := object.get(obj, field, null)
	v != null
}
