"""HQ programme logic (issue 9), storage-independent.

registry      supplier registry import (CSV/XLSX), all-or-nothing or --skip-bad
saq           the self-assessment questionnaire as data (resources/saq/*.yaml)
responses     SAQ responses import, one row per supplier per fiscal year
levels        area scores and information-security levels (resources/programme/isec_levels.yaml)
eligibility   suppliers whose current level meets a project's required level
planner       ranked on-site visit plan with explained scores (resources/programme/planning.yaml)
fiscal        April–March fiscal years in HQ's time zone
figures       the yearly programme figures; figures_render prints them as a table or CSV

Everything here is a pure function over plain Python data (dicts, dataclasses) so that HQ
storage, the `sva-hq` CLI and the dashboard share it and tests need no database.
"""
