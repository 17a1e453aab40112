"""``python -m scamtrace`` is the ``scamtrace`` command."""

from scamtrace.cli import main

main()
