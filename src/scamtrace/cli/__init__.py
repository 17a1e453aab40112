"""The ``scamtrace`` command: a thin layer over the library. Nothing imports this package."""

from __future__ import annotations

from scamtrace.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]

if __name__ == "__main__":  # pragma: no cover
    main()
