"""A private Dovecot IMAP server for tests: its own config, directory and loopback port.

Nothing of the system's Dovecot setup is used (``dovecot -c <file> -F``). Mail is stored in
a Maildir under a fresh directory; one passwd-file user; plaintext login on 127.0.0.1 only,
without TLS unless asked for (then a fresh self-signed certificate for 127.0.0.1). As root, Dovecot needs unprivileged users for its login and internal processes
and refuses mail access for uid 0, so mail is owned by the ``dovecot`` system user and
``first_valid_uid`` is lowered to that user. As any other user, everything runs as that user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DOVECOT = "/usr/sbin/dovecot"
USERNAME = "desk"
PASSWORD = "imap-test-password"


def find_dovecot() -> str:
    """The dovecot binary, or an empty string with no server available."""
    return DOVECOT if os.access(DOVECOT, os.X_OK) else (shutil.which("dovecot") or "")


def pick_free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Dovecot:
    """One running (or stoppable and restartable) Dovecot instance."""

    binary: str
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="bd-dovecot-")))
    port: int = field(default_factory=pick_free_port)
    host: str = "127.0.0.1"
    username: str = USERNAME
    password: str = PASSWORD
    tls: bool = False                    # STARTTLS on ``port`` and implicit TLS on ``tls_port``
    tls_port: int = field(default_factory=pick_free_port)
    process: subprocess.Popen | None = None  # type: ignore[type-arg]

    def start(self, *, timeout: float = 10.0) -> None:
        """Write the config (first time only), run Dovecot in the foreground, wait for its port."""
        config = self.root / "dovecot.conf"
        if not config.exists():
            self._prepare(config)
        log = open(self.root / "stdout.log", "ab")  # noqa: SIM115 - the server inherits it; our copy is closed below
        self.process = subprocess.Popen([self.binary, "-c", str(config), "-F"], stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        log.close()
        self._wait_for_port(timeout)

    def stop(self, *, timeout: float = 10.0) -> None:
        """SIGTERM Dovecot's own process group (the master's PID is its id).

        The master alone leaves running imap (and log, stats) processes behind when it exits,
        so open client connections would survive; Dovecot runs in a session of its own, and
        signalling that group ends every process it started and drops every connection.
        """
        if self.process is None or self.process.returncode is not None:
            return
        _end_group(self.process, timeout)
        self._wait_for_pidfile_gone(timeout)

    def restart(self) -> None:
        self.stop()
        self.start()

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def log_text(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _prepare(self, config: Path) -> None:
        self.root.chmod(0o755)    # mail processes run as the mail user and must reach home/
        for name in ("run", "state", "home"):
            (self.root / name).mkdir()
        users = _process_users()
        if users.mail_uid is not None:
            os.chown(self.root / "home", users.mail_uid, users.mail_gid)
        passwd = self.root / "passwd"
        passwd.write_text(f"{self.username}:{{PLAIN}}{self.password}::::\n")
        passwd.chmod(0o644)       # test-only password; the auth process is unprivileged
        tls = _tls_settings(self.root, self.tls_port) if self.tls else _NO_TLS
        config.write_text(_render_config(self.root, self.port, users, tls))

    @property
    def certificate(self) -> Path:
        """The self-signed certificate (for 127.0.0.1) a client must trust; only with ``tls``."""
        return self.root / "cert.pem"

    def _wait_for_port(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited with {self.process.returncode}:\n{self.log_text()[-2000:]}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not listen on {self.port} within {timeout}s:\n{self.log_text()[-2000:]}")

    def _wait_for_pidfile_gone(self, timeout: float) -> None:
        """A restarted master refuses to start while the old master.pid names a live process."""
        pidfile = self.root / "run" / "master.pid"
        deadline = time.monotonic() + timeout
        while pidfile.exists() and time.monotonic() < deadline:
            try:
                os.kill(int(pidfile.read_text().strip() or 0), 0)
            except (ValueError, ProcessLookupError):
                return
            time.sleep(0.05)


def _end_group(master: subprocess.Popen, timeout: float) -> None:  # type: ignore[type-arg]
    """SIGTERM the master's group (start_new_session: its PID is the group id), SIGKILL leftovers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(master.pid, sig)
        except ProcessLookupError:
            break
        if _wait_group_gone(master, timeout / 2):
            break
    master.wait(timeout=timeout)


def _wait_group_gone(master: subprocess.Popen, timeout: float) -> bool:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        master.poll()                 # reap the master, or its zombie keeps the group alive
        try:
            os.killpg(master.pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.02)
    return False


@dataclass(frozen=True)
class _Users:
    internal: str
    login: str
    mail_uid: int | None
    mail_gid: int | None


def _process_users() -> _Users:
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid()).pw_name
        return _Users(internal=me, login=me, mail_uid=None, mail_gid=None)
    mail = pwd.getpwnam("dovecot")
    login = "dovenull" if _user_exists("dovenull") else "dovecot"
    return _Users(internal="dovecot", login=login, mail_uid=mail.pw_uid, mail_gid=mail.pw_gid)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


_NO_TLS = "ssl = no\n", "port = 0"


def _tls_settings(root: Path, tls_port: int) -> tuple[str, str]:
    """Write a fresh self-signed certificate and key; return the ssl lines and imaps port line."""
    cert, key = _self_signed_certificate()
    (root / "cert.pem").write_bytes(cert)
    (root / "key.pem").write_bytes(key)
    (root / "key.pem").chmod(0o600)
    return f"ssl = yes\nssl_cert = <{root}/cert.pem\nssl_key = <{root}/key.pem\n", f"address = 127.0.0.1\n    port = {tls_port}"


def _self_signed_certificate() -> tuple[bytes, bytes]:
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def _render_config(root: Path, port: int, users: _Users, tls: tuple[str, str]) -> str:
    if users.mail_uid is not None:
        mail_owner = f"uid={users.mail_uid} gid={users.mail_gid}"
        valid = f"first_valid_uid = {users.mail_uid}\nfirst_valid_gid = {users.mail_gid}\n"
    else:
        mail_owner, valid = f"uid={os.geteuid()} gid={os.getegid()}", ""
    return f"""\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
{tls[0]}disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {users.internal}
default_login_user = {users.login}
{valid}mail_location = maildir:{root}/home/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    {tls[1]}
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = {mail_owner} home={root}/home
}}
"""
