"""``cmkit data``: list, card and generate, in-process."""

from pathlib import Path

from cmkit.cli import main

DATASETS = Path(__file__).resolve().parents[2] / "datasets"


def test_list_shows_every_table_with_its_rows(repo_datasets, capsys):
    assert main(["data", "list"]) == 0
    out = capsys.readouterr().out
    for name in ("posts", "audience", "orders", "ab_test"):
        assert name in out
    assert "rows" in out


def test_card_prints_the_data_card(repo_datasets, capsys):
    assert main(["data", "card", "posts"]) == 0
    assert capsys.readouterr().out == (DATASETS / "posts.md").read_text(encoding="utf-8")


def test_an_unknown_card_is_a_one_line_error_with_a_suggestion(repo_datasets, capsys):
    assert main(["data", "card", "post"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("cmkit: table 'post'") and "did you mean 'posts'?" in err


def test_generate_writes_the_same_bytes_as_the_committed_files(tmp_path, capsys):
    assert main(["data", "generate", "--out", str(tmp_path)]) == 0
    assert "wrote 10 tables" in capsys.readouterr().out
    for name in ("orders.csv", "README.md", "mentions.md"):
        assert (tmp_path / name).read_bytes() == (DATASETS / name).read_bytes()


def test_a_bad_scale_is_reported_without_a_traceback(tmp_path, capsys):
    assert main(["data", "generate", "--scale", "0", "--out", str(tmp_path)]) == 1
    assert "scale" in capsys.readouterr().err


def test_data_without_a_command_prints_help(capsys):
    assert main(["data"]) == 2
