"""The layouts of the Word templates, one module per document, each in zh and en.

Wording lives here (and so in the templates, where a clerk can change it in Word); the
contexts of ``reports`` carry only data. ``reports.template_source`` writes the files.
"""
