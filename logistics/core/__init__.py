"""The domain core: sheet schemas, validation and the scoring rules.

Pure: takes and returns DataFrames and plain records. It never imports xlwings, docxtpl or a
file-format library, and does no I/O.
"""
