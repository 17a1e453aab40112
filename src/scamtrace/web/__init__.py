"""The web application: analyst dashboard, REST API under /api/, and the public victim form.

Build it with :func:`create_app`; nothing here opens a database at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scamtrace.web.app import create_app
    from scamtrace.web.settings import Settings

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import scamtrace.web` stays cheap for the CLI.
    if name == "create_app":
        from scamtrace.web.app import create_app

        return create_app
    if name == "Settings":
        from scamtrace.web.settings import Settings

        return Settings
    raise AttributeError(name)
