"""Django settings, derived from the environment that ``bridgedesk.cli`` prepares.

Only three inputs: ``BRIDGEDESK_DATA`` (embedded database, attachments, keys; default ``./var``),
``BRIDGEDESK_DATABASE_URL`` (PostgreSQL when running past one machine) and
``BRIDGEDESK_CONFIG`` (the TOML file, read by :mod:`bridgedesk.config`). The data directory
is made private (0700) here, whichever process opens it first.
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
from pathlib import Path

import dj_database_url
from dj_database_url import DBConfig

DATA_DIR = Path(os.environ.get("BRIDGEDESK_DATA", "var")).resolve()
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)


def _make_private(folder: Path) -> None:
    """Only the desk's user may enter the data directory; a directory that was open (made
    before this rule, or by hand) has group and other permissions taken off everything in it, once.

    Why: it holds the database, attachments and keys, and a mode of 0644 let every local
    user read customers' mail. A directory we may not change is reported, not fatal.
    """
    try:
        if stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0:
            return
        for path in [folder, *folder.rglob("*")]:
            mode = path.lstat().st_mode
            if not stat.S_ISLNK(mode) and stat.S_IMODE(mode) & 0o077:
                path.chmod(stat.S_IMODE(mode) & 0o700)
    except OSError as exc:
        print(f"bridgedesk: warning: cannot make the data directory {folder} private ({exc.strerror or exc}); "
              f"run: chmod -R go= {folder}", file=sys.stderr)


_make_private(DATA_DIR)


def _load_or_create_secret_key(path: Path) -> str:
    """Keep one random key per data directory so sessions survive restarts."""
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


SECRET_KEY = os.environ.get("BRIDGEDESK_SECRET_KEY") or _load_or_create_secret_key(DATA_DIR / "secret_key")
DEBUG = os.environ.get("BRIDGEDESK_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("BRIDGEDESK_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver").split(",") if h]

INSTALLED_APPS = [
    "bridgedesk.web.auth.apps.SecondFactorAdminConfig",   # django.contrib.admin behind the second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "bridgedesk.desk",
    "bridgedesk.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bridgedesk.web.auth.security.SecureCookieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "bridgedesk.web.auth.security.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "bridgedesk.web.urls"
WSGI_APPLICATION = "bridgedesk.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_SQLITE_PRAGMAS = (
    # WAL lets readers (the web app) run beside the writer (intake, worker); synchronous=FULL
    # fsyncs the WAL at every commit, which is what makes an SMTP 250 a durable promise.
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=FULL;"
    "PRAGMA foreign_keys=ON;"
    "PRAGMA temp_store=MEMORY;"
    "PRAGMA cache_size=-32000;"
)

# Django's SQLite backend with lock waits polled every millisecond (see bridgedesk.desk.db.sqlite).
SQLITE_ENGINE = "bridgedesk.desk.db.sqlite"


def _sqlite_database(path: str, test_path: str | None = None) -> DBConfig:
    """The SQLite settings the desk relies on, for the embedded default and for a sqlite:// URL.

    Transactions begin IMMEDIATE (they take the write lock at BEGIN, where waiting is safe: the
    backend retries only statements outside a transaction).
    """
    database: DBConfig = {
        "ENGINE": SQLITE_ENGINE,
        "NAME": path,
        # Kept open between jobs and requests: reopening cost a connect, five pragmas and
        # a cold 32 MB page cache per job, and closing the last handle checkpoints the WAL.
        "CONN_MAX_AGE": 600,
        "OPTIONS": {
            "init_command": _SQLITE_PRAGMAS,
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        },
    }
    if test_path:
        database["TEST"] = {"NAME": test_path}
    return database


_database_url = os.environ.get("BRIDGEDESK_DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"] = _sqlite_database(DATABASES["default"]["NAME"])
else:
    DATABASES = {
        "default": _sqlite_database(str(DATA_DIR / "bridgedesk.sqlite3"), str(DATA_DIR / "test-bridgedesk.sqlite3")),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every process on the same database (the console's view counts). The rate
# limits do not count here: the cache's increment is not atomic, so they have their own table
# (desk.RateCounter, see bridgedesk.web.auth.limits). The table is created by migration desk 0007.
CACHE_TABLE = "bridgedesk_cache"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": CACHE_TABLE,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("BRIDGEDESK_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "outbound"],
    }
}

FILE_UPLOAD_PERMISSIONS = 0o600             # attachments: Django would make them 0644
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "attachments")},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

STATIC_URL = "/static/"
STATIC_ROOT = str(DATA_DIR / "static")
(DATA_DIR / "static").mkdir(exist_ok=True)   # whitenoise serves app static files through finders
WHITENOISE_USE_FINDERS = True

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Staff passwords (``bridgedesk createagent``, the admin's password forms): staff read customers'
# cases and the security queue, so 12 characters at least, none common, all-digit or like the name.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/tickets/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True   # no script of ours reads it: forms carry the token
# Cookies are marked Secure by bridgedesk.web.auth.security.SecureCookieMiddleware on every host but
# plain-http loopback (the embedded demo), so these stay False here.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SESSION_COOKIE_AGE = 12 * 3600
# Staff with an authenticator always enter a code; with this on, staff without one must enrol first.
BRIDGEDESK_REQUIRE_TOTP = os.environ.get("BRIDGEDESK_REQUIRE_TOTP") == "1"
OTP_TOTP_ISSUER = "bridgedesk"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "bridgedesk": {"handlers": ["console"], "level": os.environ.get("BRIDGEDESK_LOG_LEVEL", "INFO")},
        "django_tasks_db": {"handlers": ["console"], "level": "WARNING"},
        "django_tasks": {"handlers": ["console"], "level": "WARNING"},
    },
}
