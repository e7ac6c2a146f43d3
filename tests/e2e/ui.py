"""Driving JupyterLab 4 the way a person does: the file browser, the menus, cells, dialogs.

Every step waits on what the page shows (a selector, a text), never on the clock.
"""

from __future__ import annotations

import re

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips the tests (or, in CI, fails them) with the reason
    expect = None

RUN_ALL_SECONDS = 180  # a lesson run top to bottom on a busy 2-core machine
VALIDATE_SECONDS = 180  # nbgrader runs the whole notebook again on the server
KERNEL_IDLE = re.compile(r"^(?!No Kernel).+ \| Idle$")  # "Python 3 (ipykernel) | Idle"
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


def settle(page) -> None:
    """Wait until the browser has painted twice: cells outside the viewport are rendered
    lazily (content-visibility), so a screenshot right after scrolling can be blank."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def file_browser(page):
    return page.locator(".jp-FileBrowser .jp-DirListing-content")


def file_names(page):
    return page.locator(".jp-FileBrowser .jp-DirListing-item .jp-DirListing-itemText")


def open_from_file_browser(page, *names: str) -> None:
    """Double-click through the file browser: folders, then a file."""
    for name in names:
        item = (
            file_browser(page)
            .locator(".jp-DirListing-item")
            .filter(has=page.get_by_text(name, exact=True))
        )
        item.dblclick()


def go_to_root_folder(page) -> None:
    page.locator(".jp-FileBrowser .jp-BreadCrumbs-home").click()


def notebook(page):
    """The notebook in the current tab."""
    return page.locator(".jp-NotebookPanel:visible")


def cells(page):
    return notebook(page).locator(".jp-Notebook .jp-Cell")


def wait_for_kernel(page) -> None:
    """Until the notebook's kernel is started and idle (running cells before that opens a
    "Select Kernel" dialog)."""
    expect(notebook(page).locator(".jp-Cell").first).to_be_visible()
    expect(page.locator(".jp-StatusBar-Item", has_text=KERNEL_IDLE)).to_be_visible()


def menu(page, *path: str) -> None:
    """Click through the menu bar, e.g. menu(page, "Run", "Run All Cells")."""
    bar = page.get_by_role("navigation", name="main menu")
    bar.get_by_role("menuitem", name=path[0], exact=True).click()
    for name in path[1:]:
        page.locator(".lm-Menu:visible").last.get_by_role("menuitem", name=name, exact=True).click()


def prompt(cell):
    return cell.locator(".jp-InputArea-prompt")


def wait_until_run(cell, before: str | None = None) -> None:
    """Until ``cell`` shows an execution count (a new one, if it showed ``before``)."""
    if before is not None:
        expect(prompt(cell)).not_to_have_text(before, timeout=RUN_ALL_SECONDS * 1000)
    expect(prompt(cell)).to_have_text(re.compile(r"^\[\d+\]:$"), timeout=RUN_ALL_SECONDS * 1000)


def wait_until_no_cell_runs(page) -> None:
    expect(notebook(page).locator(".jp-InputArea-prompt", has_text="[*]")).to_have_count(
        0, timeout=RUN_ALL_SECONDS * 1000
    )


def show(page, locator) -> None:
    locator.scroll_into_view_if_needed()
    settle(page)


def replace_source(page, cell, source: str) -> None:
    """Click into the cell's editor, select everything, type ``source`` instead."""
    show(page, cell)
    cell.locator(".cm-content").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(source)
    expect(cell.locator(".cm-content")).to_have_text(
        re.compile(re.escape(source.strip().splitlines()[-1]))
    )


def dialog(page):
    return page.locator(".jp-Dialog")


def single_line(text: str) -> str:
    return " ".join(text.split())


def run_all(page) -> None:
    """Run > Run All Cells, then wait until the run is over (it stops at the first error)."""
    first = notebook(page).locator(".jp-CodeCell").first
    menu(page, "Run", "Run All Cells")
    expect(prompt(first)).not_to_have_text(re.compile(r"^\[ \]:$"))
    wait_until_no_cell_runs(page)


def assert_ran(page, cell) -> None:
    """``cell`` ran; if it did not, say which error stopped the run before it."""
    text = prompt(cell).text_content() or ""
    if not re.fullmatch(r"\[\d+\]:", text.strip()):
        errors = notebook(page).locator(STDERR).all_text_contents()
        first = errors[0].strip().splitlines()[-1] if errors else "no error shown"
        raise AssertionError(f"Run All did not reach the cell (its prompt is {text!r}): {first}")
