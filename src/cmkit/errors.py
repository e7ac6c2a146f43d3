"""Expected failures of the kit.

Every error a user can cause (a wrong table name, a missing file, a broken notebook) is a
``KitError`` whose message is one line: "<what>: <problem>; <fix>". The command line prints
that line without a traceback; anything else is a bug and keeps its traceback.
"""


class KitError(Exception):
    """A failure the user can fix; its message says what happened and how to fix it."""
