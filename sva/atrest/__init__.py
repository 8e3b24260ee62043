"""Encryption at rest of a data folder: the database (SQLCipher) and the photo files
(AES-256-GCM), with one random data key per folder kept in the OS keyring and a recovery
key, shown once, that unwraps it from the folder's key file (README, "Encryption at rest")."""
