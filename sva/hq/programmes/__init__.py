"""The seed's other programmes at HQ (issue 19): declarations, dissemination, climate,
conflict minerals (CMRT) and chemical-substance surveys. One module per programme holds its
imports (checked all or nothing) and its fiscal-year figures; `panels` lists them for the
figures output and the dashboard."""
