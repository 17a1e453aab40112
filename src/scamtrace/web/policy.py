"""Who may see what, beyond plain permissions."""

from __future__ import annotations

from scamtrace.services.accounts import User
from scamtrace.services.reports import consented
from scamtrace.store import Store


def may_reveal(store: Store, user: User, pk: int) -> bool:
    """Personal data of one report: analysts and admins always; police only with the victim's consent."""
    if user.can("personal:read"):
        return True
    return user.can("personal:read_consented") and consented(store, pk)


def may_read_narrative(user: User) -> bool:
    """Partners get indicators and counts: never a narrative, masked or not."""
    return user.can("reports:read")
