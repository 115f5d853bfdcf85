"""Benchmarks, run as scripts (``python bench/bench_x.py``) and imported by their tests in tests/bench/."""
