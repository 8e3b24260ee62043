"""Checking the files people write or fill in by hand (checklists, the SAQ and its scoring
rules, planning rules, supplier and SAQ tables, CAP workbooks) with Pydantic models, and
reporting every problem in our own words with its file, line or row, and field."""
