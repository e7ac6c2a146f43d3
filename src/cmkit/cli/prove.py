"""``cmkit prove``: grade each assignment's solution, blank release and wrong-answer fixtures
with real nbgrader in a throwaway course, and say whether each scored as it must."""

import tempfile
from pathlib import Path

from cmkit.course import course
from cmkit.proving import prove


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "prove",
        help="autograde solution, blank and fixtures of assignments and check their scores",
        description=__doc__,
    )
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    parser.set_defaults(run=run)


def print_proof(proof) -> None:
    print(f"\n{proof.assignment}")
    for attempt in proof.attempts:
        mark = "ok " if attempt.ok else "BAD"
        print(
            f"  {mark} {attempt.student:<34} {attempt.score:>5g} / {attempt.max_score:<5g}"
            f" expected {attempt.expectation}"
        )


def run(args) -> int:
    kit = course()
    failures = []
    for assignment in args.assignments or kit.assignments():
        with tempfile.TemporaryDirectory(prefix=f"cmkit-prove-{assignment}-") as workdir:
            proof = prove(kit, assignment, Path(workdir))
        print_proof(proof)
        failures += proof.problems()
    if failures:
        print("\nproblems:\n  " + "\n  ".join(failures))
        return 1
    print("\nevery assignment scored as it must")
    return 0
