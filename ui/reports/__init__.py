"""Reports in the app: build in a worker, preview, print, CAP workbook export/import."""
