"""Monitoring (veille) and e-reputation (module 05): weeks that line up with the benchmark.

from cmkit.monitoring import week_start
"""

from .weeks import week_start

__all__ = ["week_start"]
