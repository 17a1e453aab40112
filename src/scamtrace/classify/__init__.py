"""Is a report a tech-support scam, which variant, and why.

    >>> from scamtrace.classify import classify
    >>> classification = classify(report, indicators, facts)

``facts`` is what :mod:`scamtrace.extract` found (``lures``, ``script``,
``tools``); :func:`scamtrace.extract.extract_report` calls this for you.
"""

from scamtrace.classify.rules import classify

__all__ = ["classify"]
