"""What can go wrong with a template or an output file, said so that a clerk can fix it.

Every message names the template file and, where there is one, the Jinja tag as it reads
in Word (``{{ r.nmae }}``), never a line number: Word documents have no lines a user can see.
"""

from __future__ import annotations

from typing import ClassVar

from words import SaidError


class DocumentError(SaidError):
    """Base class: a problem with a template or an output file that the user can fix.

    Each subclass names its message in the catalogue (``said``, filled with the keyword
    ``params``); the caller picks the language. ``exit_code`` is 2, like every file problem.
    The engine stands alone: a product shows these as its own errors.
    """

    said: ClassVar[str] = "error_detail"  # {detail}: a text the raiser words itself


class TemplateError(DocumentError):
    """A template that cannot be used as it is (exit code 2, like other file problems)."""


class TemplateMissing(TemplateError):
    said = "template_missing"


class TemplateFolderMissing(TemplateError):
    said = "template_folder_missing"


class TemplateUnreadable(TemplateError):
    said = "template_unreadable"


class TemplateSyntax(TemplateError):
    said = "template_syntax"


class TemplateUnsafe(TemplateError):
    said = "template_unsafe"


class TemplateUnknownField(TemplateError):
    said = "template_unknown_field"


class TemplateFullWidth(TemplateError):
    said = "template_full_width"


class TemplateRender(TemplateError):
    said = "template_render"


class OutputNotWritable(DocumentError):
    said = "output_not_writable"
