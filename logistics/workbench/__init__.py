"""The workbench (工作台, SPEC §9): every job and document of the workbook on a local web page.

``logistics app`` (``server``) serves ``app.create_app``: the guard (``security``), the
pages (``pages``, ``result_pages``) over the same jobs as the CLI and the Excel buttons
(``actions``, run in the background by ``runner``), what they read (``views``), server-drawn
charts (``charts``), the templates' rendering (``rendering``) and the page's words
(``words``). Templates and static files ship inside the package.
"""
