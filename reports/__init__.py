"""The document engine: Word templates filled safely, PDFs, fonts and file names (SPEC §5).

It imports nothing of the logistics product (``tests/test_architecture.py`` and the
import-linter contracts in ``pyproject.toml`` check it); what it needs from a caller is
passed in, such as the rule that cleans typed text (``clean``).

- ``render``: sandboxed, strict, autoescaped docxtpl rendering, each template compiled once
  (``compiled_docx``); ``errors``: what a clerk is told when a template or an output file is
  broken (``DocumentError``, bilingual);
- ``template_files``: the Word files in ``templates/`` are the source (edited in Word),
  shipped in the package; a school's edited copies override them;
- ``pdf``: Word or LibreOffice conversion; ``fonts``, ``font_check``: a Chinese font for
  charts and PDFs; ``filenames``: output names safe on every system.

The documents themselves (each one's context and charts) and the job that ties them to the
engine are ``logistics.documents``.
"""
