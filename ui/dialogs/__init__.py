"""Dialogs: finding, complete (what is missing), sign, amendment reason, settings, demo."""
