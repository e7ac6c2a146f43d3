"""The learner's path in a real browser: open the course, work an exercise, check an answer,
press Validate; run the crisis war room and play it."""

from __future__ import annotations

import re

import nbformat
import pytest

from cmkit.checks.messages import say as check_says
from cmkit.crisis.decisions import CHANNELS, Decision
from cmkit.crisis.effects import TONES
from cmkit.crisis.messages import say as room_says

from . import ui
from .conftest import ASSIGNMENT
from .ui import expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

EXERCISE = f"exercises/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
ANSWER_CELL = "q1_1_n_posts"  # its check is the cell below it
PLACEHOLDER = "n_posts = ..."
ANSWER = "n_posts = len(posts)"
LESSON = "course/06-crisis.ipynb"
LESSON_FALLBACK = "course/war-room.ipynb"  # only while the lesson is not in the kit


def nbgrader(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def test_learner_answers_a_question_and_validates(tab, course_under_test):
    page = tab.page
    released = nbformat.read(course_under_test.root / EXERCISE, as_version=4)
    answer_index = next(
        i for i, c in enumerate(released.cells) if nbgrader(c).get("grade_id") == ANSWER_CELL
    )
    check_index = answer_index + 1
    source = released.cells[answer_index].source
    assert PLACEHOLDER in source, f"{EXERCISE}: {ANSWER_CELL} no longer holds {PLACEHOLDER!r}"
    # Validate must list every graded cell but the one answered: the other checks and the
    # free-text answer, all still unanswered
    still_failing = sorted(
        ui.single_line(c.source)
        for i, c in enumerate(released.cells)
        if nbgrader(c).get("grade") and i != check_index
    )

    # `cmkit lab` opens on course/; the exercises are one level up, beside it
    tab.open_lab("course")
    lesson = re.compile(rf"^{re.escape(ASSIGNMENT)}\.ipynb$")  # course/00-getting-started
    expect(ui.file_names(page).filter(has_text=lesson)).to_be_visible()
    ui.go_to_root_folder(page)
    expect(ui.file_names(page).filter(has_text=re.compile(r"^course$"))).to_be_visible()
    expect(ui.file_names(page).filter(has_text=re.compile(r"^exercises$"))).to_be_visible()
    tab.shot("course-root")

    ui.open_from_file_browser(page, "exercises", ASSIGNMENT, f"{ASSIGNMENT}.ipynb")
    ui.wait_for_kernel(page)
    ui.run_all(page)
    cells = ui.cells(page)
    check = cells.nth(check_index)
    # the run stops at the first check, which says the answer is still the placeholder
    error = check.locator(ui.STDERR)
    expect(error).to_contain_text(check_says("placeholder", name="n_posts"))
    ui.show(page, error)
    tab.shot("run-all-stops-at-first-check")

    before = ui.prompt(check).text_content()
    ui.replace_source(page, cells.nth(answer_index), source.replace(PLACEHOLDER, ANSWER))
    page.keyboard.press("Shift+Enter")  # runs the answer and selects the check below it
    page.keyboard.press("Shift+Enter")  # runs the check
    ui.wait_until_run(check, before=before)
    expect(check.locator(".jp-OutputArea-output")).to_have_count(0)  # a passed check is silent
    ui.show(page, check)
    tab.shot("answer-passes-its-check")

    ui.notebook(page).get_by_role("button", name="Validate").click()
    results = ui.dialog(page)
    expect(results.locator(".jp-Dialog-header")).to_contain_text(
        "Validation Results", timeout=ui.VALIDATE_SECONDS * 1000
    )
    message = results.locator("#validation-message")
    expect(message).to_have_class(re.compile(r"\bvalidation-failed\b"))
    # nbgrader shows each failed cell as: a sentence, the cell's source, the error
    shown = message.locator(".jp-RenderedText > pre").all_inner_texts()[0::2]
    assert sorted(ui.single_line(text) for text in shown) == still_failing
    expect(message.locator("p", has_text="The following cell failed")).to_have_count(
        len(still_failing)
    )
    tab.shot("validation-results")
    results.get_by_role("button", name=re.compile(r"^ok$", re.IGNORECASE)).click()
    expect(results).to_have_count(0)


def war_room_notebook(root) -> str:
    """The lesson, or, while it is not written yet, a notebook that shows the widget."""
    if (root / LESSON).is_file():
        return LESSON
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)"}
    nb.cells = [
        nbformat.v4.new_code_cell("from cmkit.crisis import WarRoom"),
        nbformat.v4.new_code_cell('room = WarRoom("match_day", seed=1)\nroom'),
    ]
    nbformat.write(nb, root / LESSON_FALLBACK)
    return LESSON_FALLBACK


def test_learner_plays_the_crisis_war_room(tab, course_under_test):
    page = tab.page
    path = war_room_notebook(course_under_test.root)
    lesson = nbformat.read(course_under_test.root / path, as_version=4)
    index = next(
        i for i, c in enumerate(lesson.cells) if c.cell_type == "code" and "WarRoom(" in c.source
    )
    channel, tone, minutes = "x", "factual", 120
    assert channel in CHANNELS and tone in TONES

    tab.open_lab("course")
    ui.open_from_file_browser(page, path.rsplit("/", 1)[-1])
    ui.wait_for_kernel(page)
    ui.run_all(page)
    cell = ui.cells(page).nth(index)
    ui.assert_ran(page, cell)

    room = cell.locator(".jp-OutputArea-output .widget-vbox").first
    clock = room.locator("h2").first
    feed_box = room.locator(".widget-vbox").filter(
        has=page.get_by_text(room_says("wr_feed_title"), exact=True)
    )
    feed = feed_box.locator(".widget-html").nth(1)
    chart = room.locator("img.widget-image")
    expect(room.get_by_role("button", name=room_says("wr_hold"), exact=True)).to_be_visible()
    expect(room).to_contain_text(room_says("wr_log_empty"))
    expect(chart).to_have_attribute("src", re.compile(r"^blob:"))
    ui.show(page, room)
    tab.shot("war-room-rendered")

    clock_before, feed_before = clock.text_content(), feed.text_content()
    chart_before = chart.get_attribute("src")
    room.get_by_role("button", name=room_says("wr_advance_360"), exact=True).click()
    expect(clock).not_to_have_text(clock_before)
    expect(feed).not_to_have_text(feed_before)
    expect(chart).not_to_have_attribute("src", chart_before)  # a new chart was drawn
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=chart.element_handle()
    )
    tab.shot("six-hours-later")

    def dropdown(label: str):
        return room.locator(".widget-dropdown").filter(
            has=page.locator("label", has_text=re.compile(f"^{re.escape(label)}$"))
        )

    dropdown(room_says("wr_channel")).locator("select").select_option(label=channel)
    dropdown(room_says("wr_tone")).locator("select").select_option(label=tone)
    dropdown(room_says("wr_next_update")).locator("select").select_option(label=str(minutes))
    statement = "Nous avons lu vos messages et nous vérifions. Prochain point dans deux heures."
    room.locator(".widget-textarea textarea").fill(statement)
    decided = Decision(
        "hold", channel=channel, tone=tone, next_update_minutes=minutes, statement=statement
    ).describe()
    room.get_by_role("button", name=room_says("wr_hold"), exact=True).click()
    expect(room).to_contain_text(decided)  # the decision log
    expect(room).not_to_contain_text(room_says("wr_log_empty"))
    ui.show(page, room.get_by_text(decided))
    tab.shot("holding-statement-logged")
