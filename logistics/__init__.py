"""School logistics appraisal: validation, scoring, summaries and documents for 后勤处 workbooks."""

__version__ = "0.1.0"
