"""A throwaway PostgreSQL cluster for tests and benchmarks (DESIGN §9).

The server binaries refuse to run as root, so under root everything runs as the
unprivileged `postgres` user (`runuser -u postgres -- …`) in a fresh temp directory owned by
that user (mode 700). The server listens on a unix socket in that directory only
(`listen_addresses=''`): nothing is reachable from the network. `fsync=off`: the data is
thrown away anyway. `stop()` is idempotent and also registered with atexit.
"""
from __future__ import annotations

import atexit
import glob
import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path


class ClusterError(RuntimeError):
    pass


def find_bindir() -> Path:
    """$SVA_PG_BINDIR, else the newest /usr/lib/postgresql/*/bin, else initdb on PATH."""
    explicit = os.environ.get("SVA_PG_BINDIR")
    candidates = [Path(explicit)] if explicit else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                           key=lambda p: int(p.split("/")[-2])
                                           if p.split("/")[-2].isdigit() else 0,
                                           reverse=True)]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise ClusterError("PostgreSQL server binaries (initdb, pg_ctl) not found; install "
                       "postgresql (Debian: apt-get install postgresql) or set SVA_PG_BINDIR")


def database_name(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[1]


class Cluster:
    def __init__(self, bindir: Path | None = None, run_as: str = "postgres"):
        self.bindir = bindir or find_bindir()
        self.root = os.geteuid() == 0
        self.run_as = run_as
        self.dir: Path | None = None
        self.running = False
        self._admin = None
        self._watchdog: subprocess.Popen | None = None

    # -- helpers ------------------------------------------------------------------------
    def _cmd(self, *args: str) -> list[str]:
        prefix = ["runuser", "-u", self.run_as, "--"] if self.root else []
        return prefix + list(args)

    def _run(self, *args: str, timeout: float = 60) -> None:
        try:
            done = subprocess.run(self._cmd(*args), capture_output=True, text=True,
                                  timeout=timeout, cwd=self.dir)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ClusterError(f"{args[0]} failed: {exc}") from None
        if done.returncode != 0:
            log = ""
            if self.dir and (self.dir / "log").exists():
                log = (self.dir / "log").read_text(errors="replace")[-2000:]
            raise ClusterError(f"{Path(args[0]).name} exited {done.returncode}:\n"
                               f"{done.stdout[-2000:]}{done.stderr[-2000:]}{log}")

    @property
    def socket_dir(self) -> str:
        return str(self.dir)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    # -- life cycle ---------------------------------------------------------------------
    def start(self) -> Cluster:
        self.dir = Path(tempfile.mkdtemp(prefix="sva-pg-", dir="/tmp"))
        if self.root:
            try:
                user = pwd.getpwnam(self.run_as)
            except KeyError:
                raise ClusterError(f"running as root but there is no '{self.run_as}' user to "
                                   "run PostgreSQL as (the server refuses root)") from None
            os.chown(self.dir, user.pw_uid, user.pw_gid)
        os.chmod(self.dir, 0o700)
        atexit.register(self.stop)
        data = str(self.dir / "data")
        self._run(str(self.bindir / "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", timeout=120)
        options = (f"-k {self.dir} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=400 -c shared_buffers=64MB")
        self._run(str(self.bindir / "pg_ctl"), "-D", data, "-w", "-t", "60",
                  "-l", str(self.dir / "log"), "-o", options, "start", timeout=90)
        self.running = True
        self._watch()
        return self

    def _watch(self) -> None:
        """A watchdog that stops the cluster if this process dies without cleaning up
        (SIGKILL, a CI timeout): no postgres is ever left running behind a test run."""
        stop = " ".join(shlex.quote(a) for a in self._cmd(
            str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"), "stop", "-m",
            "immediate"))
        script = (f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
                  f"{stop} >/dev/null 2>&1; rm -rf {shlex.quote(str(self.dir))}")
        self._watchdog = subprocess.Popen(["sh", "-c", script], start_new_session=True,
                                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is not None and watchdog.poll() is None:
            watchdog.terminate()
            watchdog.wait(timeout=10)
        if self._admin is not None:
            try:
                self._admin.close()
            except Exception:  # noqa: BLE001
                pass
            self._admin = None
        if self.running:
            self.running = False
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"), "-w",
                          "stop", "-m", "fast", timeout=60)
            except ClusterError:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"),
                          "stop", "-m", "immediate", timeout=60)
        if self.dir is not None and self.dir.exists():
            shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    # -- databases ----------------------------------------------------------------------
    def admin(self):
        import psycopg
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.url("postgres"), autocommit=True)
        return self._admin

    def create_database(self, prefix: str = "sva") -> str:
        """A fresh, empty database; returns its URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        self.admin().execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = database_name(url)
        self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def database_files(self, url: str) -> list[Path]:
        """The files holding one database (after a CHECKPOINT), plus the WAL."""
        name = database_name(url)
        admin = self.admin()
        admin.execute("CHECKPOINT")
        oid = admin.execute("SELECT oid FROM pg_database WHERE datname = %s",
                            (name,)).fetchone()[0]
        data = self.dir / "data"
        return [p for p in [*(data / "base" / str(oid)).iterdir(),
                            *(data / "pg_wal").glob("0*")] if p.is_file()]
