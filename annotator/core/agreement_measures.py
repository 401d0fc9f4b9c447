"""The agreement measures themselves: F1 of matched spans, Cohen's kappa, Krippendorff's alpha.

Short, standard formulas written out here so an analyst can check every
figure by hand (docs/teams.md works one example through):

* ``max_matching``: a maximum one-to-one matching in a bipartite graph
  (augmenting paths, Kuhn's algorithm), seeded with the exact matches so
  that a span matched exactly keeps its partner unless a larger matching
  needs it elsewhere;
* ``f1``: 2·matched / (|A| + |B|), undefined (``None``) when neither marked anything;
* ``cohen_kappa``: (p_o − p_e) / (1 − p_e) from a confusion table of two raters;
* ``krippendorff_alpha``: nominal alpha from a coincidence table,
  1 − (n − 1)·D_o / D_e, which handles any number of raters and missing values
  (a unit with fewer than two values is not pairable and adds nothing).

Undefined values (no spans, no variation at all) are ``None``, never a
made-up 0 or 1.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence

Pair = tuple[Hashable, Hashable]
Table = defaultdict[Pair, float]
"""Counts by pair of values; coincidences are fractional (1 / (m − 1) a pair)."""


def table() -> Table:
    return defaultdict(float)


def f1(matched: int, a: int, b: int) -> float | None:
    """F1 of two annotations with ``a`` and ``b`` items of which ``matched`` pairs agree."""
    return None if a + b == 0 else 2 * matched / (a + b)


def max_matching(
    edges: Mapping[int, Sequence[int]], seed: Mapping[int, int] | None = None
) -> dict[int, int]:
    """A maximum matching of left nodes to right nodes; ``{left: right}``.

    ``edges[left]`` lists the right nodes ``left`` may be matched to;
    ``seed`` is a matching to start from (it must use only listed edges).
    Graphs here are one label of one document: tens of nodes.
    """
    match_left: dict[int, int] = dict(seed or {})
    match_right: dict[int, int] = {r: left for left, r in match_left.items()}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, ()):
            if right in seen:
                continue
            seen.add(right)
            other = match_right.get(right)
            if other is None or augment(other, seen):
                match_left[left] = right
                match_right[right] = left
                return True
        return False

    for left in edges:
        if left not in match_left:
            augment(left, set())
    return match_left


def cohen_kappa(confusion: Mapping[Pair, float]) -> float | None:
    """Cohen's kappa from ``{(a_value, b_value): count}``; ``None`` when p_e is 1."""
    total = sum(confusion.values())
    if total == 0:
        return None
    a_marg: defaultdict[Hashable, float] = defaultdict(float)
    b_marg: defaultdict[Hashable, float] = defaultdict(float)
    agreed = 0.0
    for (a, b), n in confusion.items():
        a_marg[a] += n
        b_marg[b] += n
        if a == b:
            agreed += n
    p_o = agreed / total
    p_e = sum(a_marg[v] * b_marg[v] for v in a_marg) / (total * total)
    if p_e >= 1.0:
        return None  # both raters used one value throughout: kappa is undefined
    return (p_o - p_e) / (1 - p_e)


def add_unit(coincidence: Table, values: Iterable[Hashable], times: float = 1) -> None:
    """Add ``times`` units whose raters gave ``values`` (missing ones left out).

    Each ordered pair of values from different raters counts 1 / (m − 1),
    m being the number of values in the unit; a unit with fewer than two
    values is not pairable and adds nothing.
    """
    counts = Counter(values)
    m = sum(counts.values())
    if m < 2:
        return
    weight = times / (m - 1)
    for c, n_c in counts.items():
        for k, n_k in counts.items():
            pairs = n_c * (n_k - 1) if c == k else n_c * n_k
            if pairs:
                coincidence[(c, k)] += pairs * weight


def coincidences(units: Iterable[Iterable[Hashable | None]]) -> Table:
    """The coincidence table of units given as one value per rater (``None``: missing)."""
    result = table()
    for unit in units:
        add_unit(result, [v for v in unit if v is not None])
    return result


def krippendorff_alpha(coincidence: Mapping[Pair, float]) -> float | None:
    """Nominal alpha from a coincidence table; ``None`` when there is no variation to explain."""
    n_c: defaultdict[Hashable, float] = defaultdict(float)
    disagreed = 0.0
    for (c, k), n in coincidence.items():
        n_c[c] += n
        if c != k:
            disagreed += n
    n = sum(n_c.values())
    expected = n * n - sum(v * v for v in n_c.values())  # sum over c != k of n_c·n_k
    if n <= 1 or expected <= 0:
        return None
    return 1 - (n - 1) * disagreed / expected
