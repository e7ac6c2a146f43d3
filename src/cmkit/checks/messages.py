"""Every learner-facing sentence the check helpers can say, in one place.

Grading never depends on these words (an outcome's status decides), so a French edition can
replace this catalogue without touching a check. Placeholders are filled with ``str.format``.
"""

EN = {
    # outcomes
    "header_failed": "✗ `{name}` is not right yet.",
    "header_not_attempted": "… `{name}` has not been answered yet.",
    "checked": "What was checked: {what}.",
    "came_back": "What came back: {got}.",
    "hint": "Where to look: {hint}",
    # not attempted
    "undefined": (
        "There is no `{name}` yet. Write your answer in the answer cell above and run it "
        "(Shift+Enter), then run this check again. If you did, run the cells from the top: "
        "Kernel > Restart Kernel and Run All Cells."
    ),
    "placeholder": (
        "`{name}` is still the placeholder `...`. Replace the `...` with your answer, run that "
        "cell, then run this check again."
    ),
    "function_placeholder": (
        "`{name}` still returns the placeholder `...`: replace the `...` in its body with your "
        "code, run that cell, then run this check again."
    ),
    "column_placeholder": (
        "`{name}` still has the placeholder `...` in its column(s) {columns}. Replace each "
        "`...` with a calculation, run that cell, then run this check again."
    ),
    "figure_nothing_drawn": (
        "`{name}` has no chart drawn yet. Draw on its axes (for example `ax.bar(...)`), run that "
        "cell, then run this check again."
    ),
    # types
    "want_type": "a {expected}",
    "got_type": "{article} {actual}",
    "none_value": (
        "`None`: nothing was stored. A common cause is storing the result of `print(...)` or "
        "of a method that changes a table in place, or a function without `return`"
    ),
    "series_for_number": (
        "a column (a pandas Series) with {n} values. A single number is expected: "
        "reduce the column with a method such as `.sum()`, `.mean()` or `.median()`"
    ),
    "one_value_series": (
        "a column (a pandas Series) holding one value. Take the number out with `.iloc[0]` or "
        "`.item()`"
    ),
    "text_for_number": (
        "the text {value!r}. A number is expected: remove the quotes and write the number or "
        "the calculation"
    ),
    "bool_for_number": "the value {value} (True/False). A number is expected",
    "not_finite": "{value}: not a usable number (did you divide by zero?)",
    # numbers
    "number_wrong": "{value}, which is not the value expected",
    "number_out_of_range": "{value}, which is outside the plausible range {low} to {high}",
    "number_not_whole": "{value}, but a whole number (a count) is expected",
    "percent_scale": (
        "{value}: this looks like a percentage, but a fraction between 0 and 1 is expected "
        "(0.25 means 25 %). Do not multiply by 100"
    ),
    "fraction_scale": (
        "{value}: this looks like a fraction, but a percentage is expected (25 means 25 %). "
        "Multiply by 100"
    ),
    # text and choices
    "choice_unknown": "{value!r}, which is not one of the allowed answers: {options}",
    "choice_wrong": "{value!r}, which is one of the allowed answers but not the right one",
    "text_too_short": "a text of {n} characters; at least {minimum} are expected",
    # collections
    "collection_length": "{n} where {expected} are expected",
    "collection_wrong": "a collection whose items are not the expected ones",
    "collection_unknown": "items that are not allowed here: {items}",
    "mapping_keys_missing": "a dictionary without the keys {keys}",
    "mapping_keys_extra": "a dictionary with unexpected keys {keys}",
    "mapping_value_wrong": "a dictionary whose value for {key!r} is not the expected one",
    # tables and columns
    "columns_missing": "a table without the columns {columns} (it has: {present})",
    "rows_count": "a table with {n} rows where {expected} are expected",
    "rows_too_few": "a table with {n} rows where at least {minimum} are expected",
    "index_wrong": "a table whose row labels are not the expected ones ({detail})",
    "column_values_wrong": "a table whose column {column!r} does not hold the expected values",
    "series_length": "a column with {n} values where {expected} are expected",
    "series_labels_wrong": "a column whose labels are not the expected ones ({detail})",
    "series_values_wrong": "a column whose values are not the expected ones",
    "table_has_nan": "a table with empty (NaN) values in {columns}",
    "unsorted": "values in the wrong order: sort them as the question asks",
    # functions
    "not_callable": "{article} {actual}, not a function defined with `def`",
    "function_raised": "calling `{name}({args})` raised {error}: {detail}",
    "function_returned_none": (
        "calling `{name}({args})` gave `None`: the function does not `return` its result"
    ),
    "function_wrong": "calling `{name}({args})` gave {value}, which is not the expected result",
    # figures
    "not_figure": (
        "{article} {actual}. A matplotlib Figure is expected, e.g. `fig, ax = plt.subplots()`, "
        "then store `fig`"
    ),
    "figure_axes_count": "a figure with {n} chart panels where {expected} are expected",
    "figure_no_title": "a chart panel without a title (set it with `ax.set_title(...)`)",
    "figure_no_label": (
        "a chart panel without a label on its {axis} axis (set it with `ax.set_{axis}label(...)`)"
    ),
    "figure_empty": "a chart panel with nothing drawn on it",
    "figure_title_missing_word": "a title that does not mention {words}",
}

MESSAGES = EN


def say(message_id: str, /, **values: object) -> str:
    """The learner-facing sentence ``message_id`` with its placeholders filled in."""
    return MESSAGES[message_id].format(**values)
