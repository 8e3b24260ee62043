"""Photo limits other modules need without loading Pillow (the workspace opens the photo
service at start-up; Pillow and pillow-heif load when a photo is first read or written)."""

MAX_PIXELS = 100_000_000          # our own limit, checked from the header before decoding
DISPLAY_SIDE = 2048               # long side of the display copy, in pixels
