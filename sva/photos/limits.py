"""Photo limits other modules need without loading Pillow (the workspace opens the photo
service at start-up; Pillow and pillow-heif load when a photo is first read or written)."""

MAX_PIXELS = 100_000_000          # our own limit, checked from the header before decoding
DISPLAY_SIDE = 2048               # long side of the display copy, in pixels

# The reports' photo box at 200 dpi, in pixels, for each page size (A4, Letter): the print
# copies made at import are fitted to exactly these boxes, so a report is built from ready
# copies. They follow sva.reports.blocks.photo_box; tests/reports/test_report_images.py
# fails if the layout and these boxes drift apart.
PRINT_BOXES = ((661, 496), (685, 513))
PRINT_QUALITY = 82                # JPEG quality of print copies (reports embed them as is)
