"""Community Manager Course Kit: data, checks, simulations and grading for the course notebooks."""

__version__ = "0.1.0"
