"""One command regenerates the files; the same seed gives the same bytes; scale grows data."""

from pathlib import Path

import pytest

from cmkit.data import generate
from cmkit.data.generate import build_frames
from cmkit.errors import KitError

DATASETS = Path(__file__).resolve().parents[2] / "datasets"


def test_the_committed_folder_is_exactly_a_fresh_generation(fresh_dir):
    # Every CSV and markdown file of datasets/ comes from the generator (other files may sit
    # there, such as a licence).
    committed = sorted(p.name for p in DATASETS.iterdir() if p.suffix in (".csv", ".md"))
    generated = sorted(p.name for p in fresh_dir.iterdir())
    assert committed == generated
    for name in generated:
        assert (DATASETS / name).read_bytes() == (fresh_dir / name).read_bytes(), name


def test_files_are_utf8_with_unix_line_endings(fresh_dir):
    for path in fresh_dir.iterdir():
        data = path.read_bytes()
        assert b"\r\n" not in data
        data.decode("utf-8")


def test_another_seed_gives_other_data():
    first = build_frames(seed=1, tables=["posts"])["posts"]
    second = build_frames(seed=2, tables=["posts"])["posts"]
    assert not first["reach"].equals(second["reach"])


def test_a_table_does_not_depend_on_which_others_are_generated():
    alone = build_frames(seed=7, tables=["mentions"])["mentions"]
    together = build_frames(seed=7, tables=["competitors", "mentions"])["mentions"]
    assert alone.equals(together)


def test_the_scale_factor_multiplies_posts():
    small = build_frames(tables=["posts"])["posts"]
    big = build_frames(scale=5, tables=["posts"])["posts"]
    assert 4.5 <= len(big) / len(small) <= 5.5
    assert big["post_id"].is_unique


def test_generating_a_subset_writes_only_those_tables(tmp_path):
    written = generate(tmp_path, tables=["influencers", "ab_test"])
    assert sorted(written) == ["ab_test", "influencers"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ab_test.csv", "ab_test.md", "influencers.csv", "influencers.md",
    ]  # fmt: skip
    for name in ("influencers.csv", "ab_test.csv"):
        assert (tmp_path / name).read_bytes() == (DATASETS / name).read_bytes()


@pytest.mark.parametrize("seed, scale", [(-1, 1.0), ("2026", 1.0), (1, 0.0), (1, 1e6)])
def test_bad_seeds_and_scales_are_kit_errors(seed, scale, tmp_path):
    with pytest.raises(KitError):
        generate(tmp_path, seed=seed, scale=scale)
