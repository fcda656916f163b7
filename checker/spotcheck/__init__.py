"""Spot checks for the supervision provider (云综合监管服务商, 第一条 and 第十五条 7).

plan.py   the sampling plan, from the seed and the bundle's manifest digest only
stats.py  the sampling rule (zero-defect attribute sampling, exact hypergeometric)
verify.py re-verification of each drawn item against the other sources and the raw files
record.py the signed record, its schema check, and `verify` of a record against a bundle
"""
