"""Users, roles, passwords, browser sessions and API tokens.

Roles and what each may do (the web layer checks these permissions, never role
names):

    admin         everything, including accounts and the audit log
    analyst       operations, reports (personal data on request, audited), referrals, cases, feeds
    investigator  police: operations, reports, referrals received, cases; personal data only of
                  victims who agreed to be contacted by police (audited)
    partner       indicators and counts: operations, graph without report names, lookup, feeds;
                  submits its own complaints; reads no reports, no narratives, no personal data
    reporter      submit reports only

Passwords are argon2id hashes. Session cookies and API tokens are random
values whose SHA-256 is stored, so a copy of the database gives no way in.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, func, insert, select, update

from scamtrace.errors import ConfigError, NotFound, ScamtraceError
from scamtrace.services.audit import Actor, append_conn
from scamtrace.store import Store
from scamtrace.store.auth_tables import api_tokens, login_attempts, sessions, users

ROLES = ("admin", "analyst", "investigator", "partner", "reporter")

PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {
            "operations:read", "operations:explain", "operations:assignments", "reports:read",
            "reports:submit", "personal:read", "referrals:create", "referrals:read", "cases:read",
            "feeds:read", "indicators:lookup", "users:manage", "audit:read",
        }
    ),
    "analyst": frozenset(
        {
            "operations:read", "operations:explain", "operations:assignments", "reports:read",
            "reports:submit", "personal:read", "referrals:create", "referrals:read", "cases:read",
            "feeds:read", "indicators:lookup",
        }
    ),
    "investigator": frozenset(
        {
            "operations:read", "operations:explain", "operations:assignments", "reports:read",
            "reports:submit", "personal:read_consented", "referrals:read", "cases:read",
            "feeds:read", "indicators:lookup",
        }
    ),
    "partner": frozenset({"operations:read", "operations:explain", "feeds:read", "indicators:lookup", "reports:submit"}),
    "reporter": frozenset({"reports:submit"}),
}

MIN_PASSWORD_CHARS = 12
TOKEN_PREFIX = "st_"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")
CLI_ACTOR = Actor("cli", "system")
_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    # Verified against when the user does not exist, so a miss costs as long as a hit.
    return _hasher.hash(secrets.token_urlsafe(16))


class AuthError(ScamtraceError):
    """Login refused. ``reason`` is for the log; users see one message for all reasons."""

    def __init__(self, reason: str, locked_until: datetime | None = None):
        self.reason = reason
        self.locked_until = locked_until
        super().__init__(reason)


class PasswordRejected(ScamtraceError):
    pass


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str

    def can(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.role, frozenset())

    def actor(self, ip: str | None = None) -> Actor:
        return Actor(self.name, self.role, ip)


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_minutes: int = 15


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def generate_password() -> str:
    # 4 groups of 5 from an unambiguous alphabet: ~100 bits, easy to read out or type.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4))


def check_password_rules(password: str, name: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise PasswordRejected(f"use at least {MIN_PASSWORD_CHARS} characters")
    if name.lower() in password.lower():
        raise PasswordRejected("do not put the account name in the password")


def _row_user(row: object) -> User:
    return User(id=int(row.id), name=str(row.name), role=str(row.role))  # type: ignore[attr-defined]


# --- users ---------------------------------------------------------------------------------


def create_user(store: Store, name: str, role: str, *, password: str | None = None, by: Actor = CLI_ACTOR) -> tuple[User, str]:
    """Create a user; returns the user and the password (generated unless given), to show once."""
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if not _NAME.fullmatch(name):
        raise ConfigError(f"{name!r} is not a valid account name (letters, digits, . _ @ -; at most 100)")
    password = password or generate_password()
    check_password_rules(password, name)
    now = _now()
    with store.engine.begin() as conn:
        if conn.execute(select(users.c.id).where(users.c.name == name)).first() is not None:
            raise ConfigError(f"user {name!r} exists already")
        uid = conn.execute(
            insert(users)
            .values(name=name, role=role, password_hash=_hasher.hash(password), password_changed_at=now, created_at=now, created_by=by.name)
            .returning(users.c.id)
        ).scalar_one()
        append_conn(conn, by, "user_created", target=name, detail={"role": role})
    return User(int(uid), name, role), password


def get_user(store: Store, name: str) -> User:
    with store.engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        raise NotFound(f"no user {name!r}; add one with: scamtrace user add NAME --role ROLE")
    return _row_user(row)


def list_users(store: Store) -> list[dict[str, object]]:
    q = select(users.c.name, users.c.role, users.c.disabled, users.c.locked_until, users.c.created_at).order_by(users.c.name)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def count_users(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(users)).scalar_one())


def ensure_first_admin(store: Store, name: str = "admin") -> str | None:
    """On a store without users, create an admin and return its generated password (else None)."""
    if count_users(store):
        return None
    try:
        _user, password = create_user(store, name, "admin", by=Actor("first-run", "system"))
    except ConfigError:  # another process won the race
        return None
    return password


def reset_password(store: Store, name: str, *, by: Actor = CLI_ACTOR) -> str:
    """Give ``name`` a new generated password, unlock it and end its sessions; returns the password."""
    password = generate_password()
    user = get_user(store, name)
    with store.engine.begin() as conn:
        conn.execute(
            update(users)
            .where(users.c.id == user.id)
            .values(password_hash=_hasher.hash(password), password_changed_at=_now(), failed_logins=0, locked_until=None)
        )
        conn.execute(delete(sessions).where(sessions.c.user_id == user.id))
        append_conn(conn, by, "password_reset", target=name)
    return password


def unlock(store: Store, name: str) -> None:
    user = get_user(store, name)
    with store.engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(failed_logins=0, locked_until=None))


def change_password(store: Store, user: User, old: str, new: str, *, keep_session: str | None = None) -> None:
    """Change a user's own password after checking the old one; ends their other sessions."""
    with store.engine.connect() as conn:
        row = conn.execute(select(users.c.password_hash).where(users.c.id == user.id)).first()
    if row is None or not _verify(row.password_hash, old):
        raise PasswordRejected("the current password is not right")
    if new == old:
        raise PasswordRejected("choose a password different from the current one")
    check_password_rules(new, user.name)
    with store.engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(password_hash=_hasher.hash(new), password_changed_at=_now()))
        q = delete(sessions).where(sessions.c.user_id == user.id)
        if keep_session:
            q = q.where(sessions.c.id_hash != sha256_hex(keep_session))
        conn.execute(q)
        append_conn(conn, user.actor(), "password_changed", target=user.name)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(store: Store, name: str, password: str, *, ip: str | None = None, policy: LockoutPolicy | None = None) -> User:
    """Check a password. Raises :class:`AuthError` (unknown, wrong, locked, disabled)."""
    policy = policy or LockoutPolicy()
    now = _now()
    with store.engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        _verify(_dummy_hash(), password)
        _record_attempt(store, name, ip, False, "unknown_user")
        raise AuthError("unknown_user")
    if row.locked_until is not None and row.locked_until > now:
        _record_attempt(store, name, ip, False, "locked")
        raise AuthError("locked", row.locked_until)
    ok = _verify(row.password_hash, password)
    if ok and row.disabled:
        _record_attempt(store, name, ip, False, "disabled")
        raise AuthError("disabled")
    with store.engine.begin() as conn:
        if ok:
            values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
            if _hasher.check_needs_rehash(row.password_hash):
                values["password_hash"] = _hasher.hash(password)
            conn.execute(update(users).where(users.c.id == row.id).values(**values))
            _insert_attempt(conn, name, ip, True, None)
            return _row_user(row)
        failures = int(row.failed_logins) + 1
        locked = now + timedelta(minutes=policy.lock_minutes) if failures >= policy.max_failures else None
        conn.execute(
            update(users).where(users.c.id == row.id).values(failed_logins=0 if locked else failures, locked_until=locked)
        )
        _insert_attempt(conn, name, ip, False, "locked_now" if locked else "bad_password")
    raise AuthError("bad_password", locked)


def _insert_attempt(conn: Connection, name: str, ip: str | None, ok: bool, reason: str | None) -> None:
    conn.execute(insert(login_attempts).values(at=_now(), username=name[:100], ip=ip, success=ok, reason=reason))


def _record_attempt(store: Store, name: str, ip: str | None, ok: bool, reason: str | None) -> None:
    with store.engine.begin() as conn:
        _insert_attempt(conn, name, ip, ok, reason)


# --- browser sessions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    lifetime: timedelta = timedelta(hours=8)
    idle: timedelta = timedelta(minutes=60)


def create_session(store: Store, user: User, policy: SessionPolicy | None = None) -> str:
    """Start a session; returns the cookie value (only its hash is stored)."""
    policy = policy or SessionPolicy()
    raw = secrets.token_urlsafe(32)
    now = _now()
    with store.engine.begin() as conn:
        conn.execute(
            insert(sessions).values(id_hash=sha256_hex(raw), user_id=user.id, created_at=now, last_seen_at=now, expires_at=now + policy.lifetime)
        )
        # Expired sessions are swept here rather than by a background job.
        conn.execute(delete(sessions).where(sessions.c.expires_at < now))
    return raw


def session_user(store: Store, raw: str, policy: SessionPolicy | None = None) -> User | None:
    """The user of a live session, or None (unknown, expired, idle too long, user disabled)."""
    policy = policy or SessionPolicy()
    now = _now()
    key = sha256_hex(raw)
    q = (
        select(users.c.id, users.c.name, users.c.role, users.c.disabled, sessions.c.last_seen_at, sessions.c.expires_at)
        .select_from(sessions.join(users, users.c.id == sessions.c.user_id))
        .where(sessions.c.id_hash == key)
    )
    with store.engine.connect() as conn:
        row = conn.execute(q).first()
    if row is None:
        return None
    if row.disabled or row.expires_at <= now or row.last_seen_at + policy.idle <= now:
        end_session(store, raw)
        return None
    if now - row.last_seen_at > timedelta(minutes=1):  # one write a minute at most per session
        with store.engine.begin() as conn:
            conn.execute(update(sessions).where(sessions.c.id_hash == key).values(last_seen_at=now))
    return _row_user(row)


def end_session(store: Store, raw: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(delete(sessions).where(sessions.c.id_hash == sha256_hex(raw)))


# --- API tokens --------------------------------------------------------------------------------


def create_token(store: Store, name: str, *, label: str = "cli", days: int | None = None) -> str:
    """A new API token for user ``name``; returns it (shown once, only its hash is kept)."""
    user = get_user(store, name)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = _now()
    with store.engine.begin() as conn:
        conn.execute(
            insert(api_tokens).values(
                user_id=user.id,
                label=label[:100],
                token_hash=sha256_hex(raw),
                prefix=raw[:10],
                created_at=now,
                expires_at=now + timedelta(days=days) if days else None,
            )
        )
        append_conn(conn, user.actor(), "token_created", target=name, detail={"label": label[:100]})
    return raw


def token_user(store: Store, raw: str) -> User | None:
    if not raw.startswith(TOKEN_PREFIX):
        return None
    now = _now()
    q = (
        select(users.c.id, users.c.name, users.c.role, users.c.disabled, api_tokens.c.id.label("tid"), api_tokens.c.expires_at, api_tokens.c.revoked_at, api_tokens.c.last_used_at)
        .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
        .where(api_tokens.c.token_hash == sha256_hex(raw))
    )
    with store.engine.connect() as conn:
        row = conn.execute(q).first()
    if row is None or row.disabled or row.revoked_at is not None or (row.expires_at is not None and row.expires_at <= now):
        return None
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=1):
        with store.engine.begin() as conn:
            conn.execute(update(api_tokens).where(api_tokens.c.id == row.tid).values(last_used_at=now))
    return _row_user(row)


def list_tokens(store: Store, user: User) -> list[dict[str, object]]:
    q = (
        select(api_tokens.c.id, api_tokens.c.label, api_tokens.c.prefix, api_tokens.c.created_at, api_tokens.c.last_used_at, api_tokens.c.expires_at, api_tokens.c.revoked_at)
        .where(api_tokens.c.user_id == user.id)
        .order_by(api_tokens.c.id.desc())
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def revoke_token(store: Store, user: User, token_id: int) -> bool:
    with store.engine.begin() as conn:
        res = conn.execute(
            update(api_tokens)
            .where(api_tokens.c.id == token_id, api_tokens.c.user_id == user.id, api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=_now())
        )
        return bool(res.rowcount)
