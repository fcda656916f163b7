"""`cloudpact fleet check` (issue 19): every bundle under an S3 prefix, each against its
own contract pack, on Dask distributed; reports stored write-once beside each bundle and
a fleet summary (JSON, HTML). See docs/fleet.md."""
