"""The version of crosscheck, in one place."""

__version__ = "0.1.0"
