"""The loader: by name, from any folder, with copies, clear errors and printable cards."""

import shutil

import pandas as pd
import pytest

import cmkit.data
from cmkit.data import UnknownTable, card, load, show_card, table_names
from cmkit.errors import KitError


def test_load_returns_a_frame_with_dakar_timestamps_and_categories(repo_datasets):
    posts = load("posts")
    assert isinstance(posts, pd.DataFrame)
    assert len(posts) > 1000
    assert str(posts["published_at"].dt.tz) == "Africa/Dakar"
    assert isinstance(posts["network"].dtype, pd.CategoricalDtype)
    assert posts["caption"].dtype == "str"
    assert posts["video_views"].dtype == "Int64"
    assert posts["video_views"].isna().any()


def test_mutating_a_loaded_frame_does_not_change_the_next_load(repo_datasets):
    first = load("audience")
    first.loc[:, "orders"] = -1
    del first["city"]
    second = load("audience")
    assert (second["orders"] >= 0).all()
    assert "city" in second.columns


def test_an_unknown_name_raises_a_kit_error_that_is_also_a_key_error(repo_datasets):
    with pytest.raises(UnknownTable) as info:
        load("post")
    error = info.value
    assert isinstance(error, KitError) and isinstance(error, KeyError)
    message = str(error)
    assert "\n" not in message
    assert "'post'" in message
    assert "did you mean 'posts'?" in message
    for name in table_names():
        assert name in message


def test_a_name_far_from_any_table_still_lists_the_valid_names(repo_datasets):
    with pytest.raises(UnknownTable, match="valid names: posts, audience"):
        card("zzz")


@pytest.mark.parametrize("bad", ["Posts", "orders.csv", "web sessions", "", None, 3])
def test_near_misses_and_wrong_types_are_unknown_tables(bad, repo_datasets):
    with pytest.raises(UnknownTable):
        load(bad)


def test_loading_works_from_another_working_directory(repo_datasets, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(load("orders")) > 100


def test_the_environment_variable_points_the_loader_elsewhere(repo_datasets, tmp_path, monkeypatch):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for suffix in (".csv", ".md"):
        shutil.copy(repo_datasets / f"influencers{suffix}", bundle / f"influencers{suffix}")
    monkeypatch.setenv("CMKIT_DATASETS", str(bundle))
    assert len(load("influencers")) == len(pd.read_csv(bundle / "influencers.csv"))
    assert card("influencers").startswith("# `influencers`")
    with pytest.raises(KitError, match="file missing; run `cmkit data generate`"):
        load("posts")


def test_a_missing_datasets_folder_is_a_one_line_kit_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CMKIT_DATASETS", str(tmp_path / "nowhere"))
    with pytest.raises(KitError) as info:
        load("posts")
    assert "CMKIT_DATASETS" in str(info.value) and "\n" not in str(info.value)


def test_the_card_prints_as_text_and_renders_as_markdown(repo_datasets):
    text = card("posts")
    assert isinstance(text, str)
    assert text._repr_markdown_() == str(text)
    assert show_card("posts") == text


def test_the_public_api_is_importable_from_cmkit_data():
    for name in ("load", "card", "table_names", "UnknownTable", "generate", "show_card"):
        assert hasattr(cmkit.data, name)
