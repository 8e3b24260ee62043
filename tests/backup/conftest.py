from __future__ import annotations

import shutil

import pytest

from tests.backup.backup_tools import sva


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory):
    folder = tmp_path_factory.mktemp("backup-demo") / "data"
    out = sva("demo", "--data-dir", folder, "--seed", "5", passphrase=None)
    assert out.returncode == 0, out.stderr
    return folder


@pytest.fixture
def demo(demo_master, tmp_path):
    """A private copy of the demo data folder."""
    folder = tmp_path / "data"
    shutil.copytree(demo_master, folder)
    return folder
