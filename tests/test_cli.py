"""The command line, called in-process: exit codes, one-line errors, no tracebacks."""

from cmkit.cli import main


def test_help_lists_the_commands_with_examples(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("demo", "release", "prove", "lint", "data", "lab"):
        assert command in out
    assert "examples:" in out


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().out


def test_unknown_assignment_is_one_line_without_traceback(capsys):
    assert main(["release", "99-nope"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cmkit: assignment '99-nope': not in solutions/; choose one of")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_lint_passes_on_the_course(capsys):
    assert main(["lint"]) == 0
    assert "house rules" in capsys.readouterr().out
