"""Why a sync stopped. Every one of them leaves local data queued and unchanged."""
from __future__ import annotations

from sva.errors import SvaError


class SyncError(SvaError):
    """A sync could not finish; nothing local was lost, run it again later."""


class Offline(SyncError):
    """HQ could not be reached (no network, server down, connection cut)."""


class AuthFailed(SyncError):
    """HQ refused the device token: revoked, or the device was never enrolled there."""


class ServerError(SyncError):
    """HQ answered with an error."""


class KeyringUnavailable(SvaError):
    """No safe place for the device token: the OS keyring is missing or is a plaintext file."""
