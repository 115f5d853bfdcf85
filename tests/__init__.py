"""The test suite, a package mirroring the code (see tests/README.md)."""
