"""The instructor's grading pipeline, built on nbgrader: collect, autograde a cohort, feedback,
grades export, cohort report, student bundle."""
