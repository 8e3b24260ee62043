"""The device token, signing key and data folder keys, kept only in the OS keyring (DESIGN §3, §9).

The backend is chosen explicitly: $SVA_KEYRING_BACKEND names one
(e.g. `keyring.backends.SecretService.Keyring`), else keyring's own choice is used — but a
missing keyring or a plaintext file backend (what `keyrings.alt` installs silently) is
refused with a message, never used. Tests install an in-memory backend with
`keyring.set_keyring()`.
"""
from __future__ import annotations

import base64
import os

import keyring
import keyring.backend
import keyring.errors

from sva.sync.errors import KeyringUnavailable

SERVICE = "sva"
_UNSAFE = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")


def backend() -> keyring.backend.KeyringBackend:
    name = os.environ.get("SVA_KEYRING_BACKEND")
    if name:
        try:
            keyring.set_keyring(keyring.core.load_keyring(name))
        except Exception as exc:  # noqa: BLE001 - any import/instantiation failure
            raise KeyringUnavailable(f"cannot load keyring backend {name}: {exc}",
                                     code="keyring_backend_failed",
                                     params={"backend": name,
                                             "error": type(exc).__name__}) from None
    chosen = keyring.get_keyring()
    label = backend_name(chosen)
    if any(label.startswith(prefix) for prefix in _UNSAFE) or "plaintext" in label.lower():
        raise KeyringUnavailable(
            f"no safe OS keyring for the device token (found {label}); install/unlock the "
            "desktop keyring (Secret Service, macOS Keychain, Windows Credential Locker) or "
            "set SVA_KEYRING_BACKEND to a secure backend",
            code="keyring_unsafe", params={"backend": label})
    return chosen


def backend_name(kr=None) -> str:
    kr = kr or keyring.get_keyring()
    return f"{type(kr).__module__}.{type(kr).__qualname__}"


def _token_key(device: str) -> str:
    return f"device-token:{device}"


def _signing_key(device: str) -> str:
    return f"device-signing-key:{device}"


def _set(user: str, value: str, what: str) -> str:
    """Keep `value` under `user` in the keyring; returns the backend's name."""
    kr = backend()
    try:
        kr.set_password(SERVICE, user, value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"cannot store {what}: {type(exc).__name__}",
                                 code="keyring_store_failed",
                                 params={"error": type(exc).__name__}) from None
    return backend_name(kr)


def _get(user: str, what: str) -> str | None:
    try:
        return backend().get_password(SERVICE, user)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"cannot read {what}: {type(exc).__name__}",
                                 code="keyring_read_failed",
                                 params={"error": type(exc).__name__}) from None


def store_token(device: str, token: str) -> str:
    return _set(_token_key(device), token, "the device token")


def load_token(device: str) -> str | None:
    return _get(_token_key(device), "the device token")


def store_signing_key(device: str, private_bytes: bytes) -> None:
    _set(_signing_key(device), base64.b64encode(private_bytes).decode("ascii"),
         "the device signing key")


def load_signing_key(device: str) -> bytes | None:
    value = _get(_signing_key(device), "the device signing key")
    return base64.b64decode(value) if value else None


def _data_key(folder_id: str) -> str:
    return f"data-key:{folder_id}"


def store_data_key(folder_id: str, key: bytes) -> str:
    """Keep a data folder's key (sva/atrest); returns the backend's name."""
    return _set(_data_key(folder_id), base64.b64encode(key).decode("ascii"),
                "the data folder's key")


def load_data_key(folder_id: str) -> bytes | None:
    value = _get(_data_key(folder_id), "the data folder's key")
    try:
        return base64.b64decode(value, validate=True) if value else None
    except ValueError:
        return None                    # not a key: told apart by the key file's check value
