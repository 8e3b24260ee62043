"""What the UI does to the data: undoable commands over the core's service functions, and
background tasks with progress and cancel."""
