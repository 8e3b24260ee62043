"""Keyrings for tests (DESIGN §9): in memory for one process, or in a file for several.

`FileKeyring` is what a subprocess uses to share the parent test's keyring: select it with
PYTHON_KEYRING_BACKEND=tests.keyrings.FileKeyring (cwd: the checkout) and name its file in
SVA_TEST_KEYRING. Test-only: real installs never see it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend


class MemoryKeyring(keyring.backend.KeyringBackend):
    """In-memory keyring for tests: nothing touches disk."""
    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict = {}

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def get_password(self, service, username):
        return self.items.get((service, username))

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


class FileKeyring(keyring.backend.KeyringBackend):
    """A keyring kept in the JSON file $SVA_TEST_KEYRING (for subprocess tests)."""

    @keyring.backend.properties.classproperty
    def priority(cls) -> float:
        if "SVA_TEST_KEYRING" not in os.environ:
            raise RuntimeError("SVA_TEST_KEYRING is not set")   # not viable: never chosen
        return 1

    @property
    def _file(self) -> Path:
        return Path(os.environ["SVA_TEST_KEYRING"])

    def _load(self) -> dict:
        try:
            return json.loads(self._file.read_text("utf-8"))
        except FileNotFoundError:
            return {}

    def set_password(self, service, username, password):
        items = self._load()
        items[f"{service}\n{username}"] = password
        self._file.write_text(json.dumps(items), "utf-8")

    def get_password(self, service, username):
        return self._load().get(f"{service}\n{username}")

    def delete_password(self, service, username):
        items = self._load()
        items.pop(f"{service}\n{username}", None)
        self._file.write_text(json.dumps(items), "utf-8")
