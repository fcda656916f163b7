"""The sampling rule: zero-defect attribute sampling, computed exactly.

A population of N items (scans, tickets, ...) holds D defective items, unknown. Drawing n
of them without replacement, the number of defects drawn X is hypergeometric:

    P(X = 0 | N, n, D) = C(N - D, n) / C(N, n)

Sample size (`--confidence c --max-defect-rate p`): the smallest n such that, if the
population held D0 = ceil(p * N) defects or more, a sample without defects would happen
with probability at most 1 - c. Finding no defect in such a sample then says, at
confidence c, that the defect rate is below p. For large N this tends to the binomial
rule n = ln(1 - c) / ln(1 - p) (59 for c = 0.95, p = 0.05).

Bound achieved (what the record states): the largest D still compatible with what was
found, i.e. the largest D with P(X <= found | D) > 1 - c. Every larger D is rejected at
confidence c; the defect-rate bound is D / N.

Stratified samples (items drawn separately per information system) are judged at the
worst placement of the D defects across strata, which is the honest frequentist statement
when the defects sit where they sit: P0(D) = max over (D_h), sum D_h = D, of
prod_h C(N_h - D_h, n_h) / C(N_h, n_h). Each factor is log-concave in D_h (the ratio of
successive terms, (N_h - D_h - n_h) / (N_h - D_h), falls as D_h grows), so adding defects
one at a time where that ratio is largest reaches the maximum (greedy marginal allocation
is exact for separable log-concave objectives under a sum constraint); tests check it
against enumeration of every placement.

Everything is exact rational arithmetic (fractions.Fraction, math.comb): no floating
point decides a size or a bound. No scipy.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction


def as_fraction(value: str | float | Fraction) -> Fraction:
    """A confidence or rate given as '0.95' or 0.95, exactly as written (never the float's
    binary expansion)."""
    return value if isinstance(value, Fraction) else Fraction(str(value))


def p_zero(N: int, n: int, D: int) -> Fraction:
    """P(no defect among n drawn without replacement from N holding D defects)."""
    _check(N, n, D)
    # C(N-D, n) / C(N, n) = prod_{i<n} (N-D-i)/(N-i) = prod_{i<D} (N-n-i)/(N-i): the shorter
    # product, in integers, so a sample of 59 from a million stays cheap
    k, drop = (n, D) if n <= D else (D, n)
    num = den = 1
    for i in range(k):
        num *= N - drop - i
        den *= N - i
    return Fraction(num, den)


def p_at_most(N: int, n: int, D: int, k: int) -> Fraction:
    """P(X <= k), X hypergeometric (N, D defects, n drawn)."""
    _check(N, n, D)
    total = math.comb(N, n)
    return Fraction(sum(math.comb(D, j) * math.comb(N - D, n - j) for j in range(k + 1)), total)


def _check(N: int, n: int, D: int) -> None:
    if not (0 <= n <= N and 0 <= D <= N):
        raise ValueError(f"need 0 <= n, D <= N (N={N}, n={n}, D={D})")


def defects_to_detect(N: int, max_rate: Fraction) -> int:
    """D0 = ceil(p * N): the fewest defects that make the rate reach p."""
    return max(1, math.ceil(max_rate * N))


def sample_size(N: int, confidence: Fraction, max_rate: Fraction) -> int:
    """Smallest n with P(X = 0 | N, n, ceil(p N)) <= 1 - c (N when even a census is needed)."""
    if N == 0:
        return 0
    alpha = 1 - confidence
    d0 = min(N, defects_to_detect(N, max_rate))
    # p_zero falls as n grows and p_zero(N, N, d0) = 0 <= alpha; gallop up from small n
    # (sizes are small next to N), then bisect
    hi = 1
    while hi < N and p_zero(N, hi, d0) > alpha:
        hi *= 2
    lo, hi = hi // 2, min(hi, N)
    while lo < hi:
        mid = (lo + hi) // 2
        if p_zero(N, mid, d0) <= alpha:
            hi = mid
        else:
            lo = mid + 1
    return lo


def binomial_size(confidence: Fraction, max_rate: Fraction) -> int:
    """The large-N approximation n = ceil(ln(1 - c) / ln(1 - p)), for the documentation
    and for comparison; never used to size a sample."""
    return math.ceil(math.log(1 - float(confidence)) / math.log(1 - float(max_rate)))


def max_defects(N: int, n: int, confidence: Fraction, found: int = 0) -> int:
    """Largest D with P(X <= found | D) > 1 - c: the upper confidence bound on the number
    of defective items after finding `found` in n drawn from N."""
    alpha = 1 - confidence
    lo, hi = found, N - (n - found)  # D cannot exceed the items not seen to be sound
    # P(X <= found | D) falls as D grows; P at D = found is 1 > alpha
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if p_at_most(N, n, mid, found) > alpha:
            lo = mid
        else:
            hi = mid - 1
    return lo


# ---- stratified ---------------------------------------------------------------------


@dataclass(frozen=True)
class Stratum:
    size: int  # N_h
    drawn: int  # n_h


def _worst_curve(strata: Sequence[Stratum]) -> Iterator[Fraction]:
    """P0(0), P0(1), ...: for each total D, the largest probability over every placement of
    D defects across strata that the stratified sample holds none (greedy, see above)."""
    total = sum(s.size for s in strata)
    placed = [0] * len(strata)
    p = Fraction(1)
    yield p
    for _ in range(total):
        best, best_num, best_den = -1, -1, 1
        for h, s in enumerate(strata):
            left = s.size - placed[h]
            if left <= 0:
                continue
            num = max(0, left - s.drawn)
            if num * best_den > best_num * left:  # ratio num/left beats the best so far
                best, best_num, best_den = h, num, left
        placed[best] += 1
        p *= Fraction(best_num, best_den)
        yield p


def worst_p_zero_curve(strata: Sequence[Stratum], up_to: int) -> list[Fraction]:
    """[P0(0), ..., P0(up_to)] (up_to capped at the number of items)."""
    return list(itertools.islice(_worst_curve(strata), up_to + 1))


def worst_p_zero(strata: Sequence[Stratum], D: int) -> Fraction:
    if D > sum(s.size for s in strata):  # noqa: SIM300 (D is a count, not a constant)
        raise ValueError("more defects than items")
    return worst_p_zero_curve(strata, D)[D]


def stratified_max_defects(strata: Sequence[Stratum], confidence: Fraction) -> int:
    """Largest D with P0(D) > 1 - c, for a stratified sample that found no defect.
    P0 never rises with D, so the walk stops at the first D that is rejected."""
    alpha = 1 - confidence
    best = 0
    for d, p in enumerate(_worst_curve(strata)):
        if p <= alpha:
            break
        best = d
    return best


def allocate(sizes: Sequence[int], n: int) -> list[int]:
    """Split n draws across strata in proportion to their sizes (Webster / Sainte-Laguë
    divisor method, every non-empty stratum first gets one draw when n allows).

    A divisor method is house-monotone: allocate(sizes, n + 1) never gives a stratum less
    than allocate(sizes, n), so growing n can only tighten the bound. Ties go to the
    earlier stratum (strata are in a stable order)."""
    n = min(n, sum(sizes))
    drawn = [0] * len(sizes)
    nonempty = [h for h, s in enumerate(sizes) if s > 0]
    if n >= len(nonempty):
        for h in nonempty:
            drawn[h] = 1
    given = sum(drawn)
    while given < n:
        best, best_priority = -1, Fraction(-1)
        for h, s in enumerate(sizes):
            if drawn[h] >= s:
                continue
            priority = Fraction(2 * s, 2 * drawn[h] + 1)  # s / (drawn + 1/2)
            if priority > best_priority:
                best, best_priority = h, priority
        drawn[best] += 1
        given += 1
    return drawn


def stratified_size(sizes: Sequence[int], confidence: Fraction, max_rate: Fraction) -> list[int]:
    """The smallest proportional allocation whose worst-case P0(ceil(p N)) <= 1 - c."""
    total = sum(sizes)
    if total == 0:
        return [0] * len(sizes)
    alpha = 1 - confidence
    d0 = min(total, defects_to_detect(total, max_rate))
    # no stratified design does better than simple random sampling of the same n
    n = min(total, sample_size(total, confidence, max_rate))
    while True:
        drawn = allocate(sizes, n)
        strata = [Stratum(s, d) for s, d in zip(sizes, drawn, strict=True)]
        if n >= total or worst_p_zero(strata, d0) <= alpha:
            return drawn
        n += 1
