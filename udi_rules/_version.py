"""The library version, kept apart so any module can read it without importing the package."""

__version__ = "0.2.0"
