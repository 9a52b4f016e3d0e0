"""Pure-Python core: run sheet, live timer engine, question queue, reports.

Nothing here imports Qt, pandas or openpyxl (checked by import-linter).
"""
