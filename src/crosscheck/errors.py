"""The one exception tree of crosscheck.

::

    CrosscheckError(Exception)
      DocumentError(CrosscheckError, ValueError)  # unreadable, empty or duplicate input; has .path
      ManifestError(DocumentError)                # a manifest.toml that cannot be used
      ConfigError(CrosscheckError, ValueError)    # a bad threshold, format or option
      SpanError(CrosscheckError, ValueError)      # a span that does not fit its document (a bug guard)
      StoreError(CrosscheckError)                 # a store that cannot be used: not a store, another
                                                  # schema version, busy, read-only for a write, damaged

    InputWarning(UserWarning)                     # read, but not as given: a fallback encoding, an
                                                  # unknown manifest key (`load_documents` warns)

Every message is one line that names the file (or setting) and the problem, so the CLI can print it as is.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "CrosscheckError",
    "DocumentError",
    "InputWarning",
    "ManifestError",
    "SpanError",
    "StoreError",
]


class CrosscheckError(Exception):
    """Root of every error crosscheck raises on purpose."""


class DocumentError(CrosscheckError, ValueError):
    """A document cannot be read: missing path, undecodable bytes, empty file, duplicate id."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class ManifestError(DocumentError):
    """A folder's manifest.toml is malformed or names something it should not."""


class ConfigError(CrosscheckError, ValueError):
    """A configuration value, output format or option is not valid."""


class SpanError(CrosscheckError, ValueError):
    """A span does not index its document's text (a guard against bugs, never expected)."""


class StoreError(CrosscheckError):
    """A store that cannot be used: not a crosscheck store, another schema version, busy (locked by
    another writer), read-only when it must be written, or damaged. The message names the store."""


class InputWarning(UserWarning):
    """An input was used, but not exactly as given: decoded with a fallback encoding, a key ignored."""
