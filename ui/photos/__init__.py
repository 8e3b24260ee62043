"""Photo evidence in the app: strip, viewer, annotation and redaction editor, import."""
