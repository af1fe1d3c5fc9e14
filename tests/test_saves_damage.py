"""The damaged-save generator in CI: a few hundred mutations of real saves, every one detected at its line
or loading identically (``benchmarks/save_damage.py`` runs more and prints the figures for the README)."""

from __future__ import annotations

from damage import MUTATIONS, SIGNED_ONLY, run


def test_every_damaged_save_is_detected_at_its_line_or_loads_identically(tmp_path):
    figures = run(cases_per_kind=8, folder=tmp_path, seed=12)
    print("\n".join(figures.lines()))
    assert figures.cases == 8 * (3 * len(MUTATIONS) + len(SIGNED_ONLY))
    assert figures.failures == []
    assert (figures.tracebacks, figures.hangs, figures.undetected, figures.wrong_lines) == (0, 0, 0, 0)
    assert figures.detected > 0.9 * figures.cases
