"""Backups of a data folder (device or HQ) as one encrypted file, and restoring them.

`container` is the file format (AES-256-GCM in chunks, key from a passphrase by scrypt),
`device` backs up and restores a device data folder, `scheduled` keeps the daily local
copies in `backups/`, `hq` does the same for an HQ folder on SQLite.
"""
