"""Web settings, read from the environment when the app is built (never at import).

    SCAMTRACE_DB                    store URL (as for the CLI)
    SCAMTRACE_SECRET_KEY            signs CSRF tokens; required in production
    SCAMTRACE_ENV                   production (default) or development
    SCAMTRACE_SESSION_HOURS         absolute session lifetime (8)
    SCAMTRACE_SESSION_IDLE_MINUTES  idle timeout (60)
    SCAMTRACE_LOGIN_MAX_FAILURES    failed logins before a lockout (5)
    SCAMTRACE_LOCKOUT_MINUTES       how long a lockout lasts (15)
    SCAMTRACE_FORM_RATE_PER_HOUR    victim-form submissions per client address (10)
    SCAMTRACE_API_RATE_PER_MINUTE   API report submissions per client address (120)
    SCAMTRACE_LOGIN_RATE_PER_MINUTE login attempts per client address (10)
    SCAMTRACE_REFERRAL_DIR          where referral packages are written (./referrals)
    SCAMTRACE_COOKIE_SECURE         1/0 to force the Secure cookie flag (default: when https)
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace

from scamtrace.errors import ConfigError
from scamtrace.store.db import resolve_url

log = logging.getLogger(__name__)

MIN_SECRET_CHARS = 32
# Placeholder values seen in templates and tutorials; never accepted.
KNOWN_DEFAULTS = frozenset(
    {"", "changeme", "change-me", "change_me", "changethis", "secret", "secret-key", "secretkey", "dev", "development", "insecure", "default", "please-change-me", "xxx"}
)
ENVIRONMENTS = ("production", "development")


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    secret_key: str
    environment: str = "production"
    session_hours: float = 8.0
    session_idle_minutes: float = 60.0
    login_max_failures: int = 5
    lockout_minutes: int = 15
    form_rate_per_hour: int = 10
    api_rate_per_minute: int = 120
    login_rate_per_minute: int = 10
    rate_limit_max_clients: int = 10_000
    referral_dir: str = "referrals"
    cookie_secure: bool | None = None
    bootstrap_admin: bool = True
    secret_generated: bool = False

    @property
    def production(self) -> bool:
        return self.environment == "production"

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, environment: str | None = None, db_url: str | None = None) -> Settings:
        """Settings from ``env`` (default ``os.environ``); ``environment``/``db_url`` override it."""
        env = os.environ if env is None else env
        mode = (environment or env.get("SCAMTRACE_ENV") or "production").strip().lower()
        if mode not in ENVIRONMENTS:
            raise ConfigError(f"SCAMTRACE_ENV={mode!r}: use production or development")
        secret, generated = check_secret(env.get("SCAMTRACE_SECRET_KEY", ""), production=mode == "production")
        return cls(
            db_url=resolve_url(db_url or env.get("SCAMTRACE_DB")),
            secret_key=secret,
            environment=mode,
            session_hours=_num(env, "SCAMTRACE_SESSION_HOURS", 8.0),
            session_idle_minutes=_num(env, "SCAMTRACE_SESSION_IDLE_MINUTES", 60.0),
            login_max_failures=int(_num(env, "SCAMTRACE_LOGIN_MAX_FAILURES", 5)),
            lockout_minutes=int(_num(env, "SCAMTRACE_LOCKOUT_MINUTES", 15)),
            form_rate_per_hour=int(_num(env, "SCAMTRACE_FORM_RATE_PER_HOUR", 10)),
            api_rate_per_minute=int(_num(env, "SCAMTRACE_API_RATE_PER_MINUTE", 120)),
            login_rate_per_minute=int(_num(env, "SCAMTRACE_LOGIN_RATE_PER_MINUTE", 10)),
            referral_dir=env.get("SCAMTRACE_REFERRAL_DIR") or "referrals",
            cookie_secure=_flag(env.get("SCAMTRACE_COOKIE_SECURE")),
            secret_generated=generated,
        )


def check_secret(value: str, *, production: bool) -> tuple[str, bool]:
    """(secret to use, whether it was generated). Production refuses a missing or placeholder secret."""
    value = value.strip()
    weak = value.lower() in KNOWN_DEFAULTS or len(value) < MIN_SECRET_CHARS
    if not weak:
        return value, False
    if production:
        what = "is not set" if not value else "is a placeholder or shorter than 32 characters"
        raise ConfigError(
            f"SCAMTRACE_SECRET_KEY {what}. Generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(48))'` and set it, "
            "or run in development mode (SCAMTRACE_ENV=development or `scamtrace serve --dev`)"
        )
    log.warning("SCAMTRACE_SECRET_KEY is not set: using a random key for this process (development mode); forms open before a restart will need a reload")
    return secrets.token_urlsafe(48), True


def _num(env: Mapping[str, str], key: str, default: float) -> float:
    raw = env.get(key)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{key}={raw!r} is not a number") from None
    if value <= 0:
        raise ConfigError(f"{key}={raw!r} must be above zero")
    return value


def _flag(raw: str | None) -> bool | None:
    if raw is None or raw.strip() == "":
        return None
    return raw.strip().lower() in ("1", "true", "yes", "on")
