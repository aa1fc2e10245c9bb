"""Render a docxtpl template safely: sandboxed, strict, autoescaped, checked before use.

- ``SandboxedEnvironment`` refuses ``{{ cycler.__init__.__globals__ }}`` and friends; a static
  scan refuses any tag naming an ``_underscore`` attribute before rendering, so the message
  can name the tag.
- ``StrictUndefined``: a misspelt field is an error, not an empty cell.
- ``autoescape=True``: text typed by staff (``<``, ``&``, ``{{ x }}``, ``=1+1``) stays literal;
  docxtpl's default would drop ``<…`` and ``&`` or let a value inject Word XML. The ``safe``
  filter is removed, so a template cannot switch that off for a value.
- Full-width ``｛｛ ｝｝`` print as typed without any error: the scan flags them.
- Every string value passes through the caller's ``clean`` first: what typed text may hold
  (escape sequences, control and direction characters) is the product's rule, not the
  engine's; XML has no place for control characters, so ``clean`` must at least drop those.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml.etree import XMLSyntaxError

from .compiled_docx import CompiledDocx
from .errors import (
    OutputNotWritable,
    TemplateFullWidth,
    TemplateRender,
    TemplateSyntax,
    TemplateUnknownField,
    TemplateUnreadable,
    TemplateUnsafe,
)

MAX_REPEAT = 100_000  # 'a' * 10**8 would eat memory: the sandbox does not bound it
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_FULL_WIDTH = re.compile(r"｛[｛{%％#]|\{[｛％]|[}%％#｝]｝|[％｝]\}")  # at least one full-width
_PRIVATE = re.compile(r"(?<![\w.])_\w*|\.\s*_|['\"]__")  # names, attributes, '__class__'
_BLOCKS = ("for", "if", "macro", "call", "filter", "with", "block", "raw", "autoescape")

TextFilter = Callable[[str], str]  # typed text -> text fit for a document


@dataclass(frozen=True)
class Chart:
    """A PNG for the document; becomes a docxtpl ``InlineImage`` at render time."""

    png: bytes
    width_mm: float = 160


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox, plus a cap on ``*`` and ``**`` so a template cannot exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError("exponent too large")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(n, int)
                if sized and len(seq) * n > MAX_REPEAT:
                    raise SecurityError("repetition too large")
        return super().call_binop(context, operator, left, right)


def sandbox() -> SandboxedEnvironment:
    env = BoundedSandbox(undefined=StrictUndefined, autoescape=True)
    env.filters.pop("safe", None)  # no way to print a value as raw Word XML
    return env


def _parts_xml(tpl: DocxTemplate) -> list[str]:
    """The body, headers and footers as docxtpl will see them (tags joined up by patch_xml)."""
    tpl.init_docx()
    parts = [tpl.patch_xml(tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _key, part in tpl.get_headers_footers(uri):
            parts.append(tpl.patch_xml(tpl.xml_to_string(parse_xml(part.blob))))
    return parts


def _text(xml: str) -> str:
    """The visible text of a part, paragraphs on separate lines."""
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml)))


class TemplateRenderer:
    """One template, scanned once, rendered for any number of contexts of the same shape.

    ``clean`` is applied to every string of a context before it reaches the document (for
    the logistics product: ``logistics.core.safe_text.terminal_text``, SPEC §7).
    Raises ``TemplateUnreadable``, ``TemplateFullWidth`` or ``TemplateUnsafe`` at once.
    """

    def __init__(self, path: Path, name: str | None = None, *, clean: TextFilter) -> None:
        self.path = path
        self.name = name or path.name
        self.clean = clean
        try:
            self.tpl = DocxTemplate(path)
            texts = [_text(xml) for xml in _parts_xml(self.tpl)]
        except (
            PackageNotFoundError,
            BadZipFile,
            XMLSyntaxError,
            KeyError,
            ValueError,
            OSError,
        ) as exc:
            detail = str(exc) or type(exc).__name__
            raise TemplateUnreadable(template=self.name, detail=detail) from None
        self.env = sandbox()
        self.tags = [t for text in texts for t in _TAG.findall(text)]
        self._scan(texts)
        self._checked: frozenset[str] | None = None
        self._compiled: CompiledDocx | None = None  # after the first check: compiled once

    # ---- checks before rendering ----------------------------------------------------------

    def _scan(self, texts: Iterable[str]) -> None:
        for text in texts:
            found = _FULL_WIDTH.search(text)
            if found:
                line = next(ln for ln in text.splitlines() if found.group(0) in ln)
                raise TemplateFullWidth(template=self.name, text=line.strip()[:80])
        for tag in self.tags:
            if _PRIVATE.search(tag[2:-2]):
                raise TemplateUnsafe(template=self.name, tag=tag)

    def check(self, context: Mapping[str, Any]) -> None:
        """Syntax and fields against ``context``; raises a TemplateError naming the tag."""
        keys = frozenset(context)
        if self._checked == keys:
            return
        try:
            undeclared = self.tpl.get_undeclared_template_variables(jinja_env=self.env)
        except TemplateSyntaxError as exc:
            tag = locate_syntax_error(self.env, self.tags) or _near(exc)
            raise TemplateSyntax(template=self.name, tag=tag, detail=_detail(exc)) from None
        unknown = sorted(set(undeclared) - keys - set(self.env.globals))
        if unknown:
            field = unknown[0]
            raise TemplateUnknownField(
                template=self.name,
                tag=self._tag_using(field),
                field=field,
                available=", ".join(sorted(keys)),
            )
        self._checked = keys

    def _tag_using(self, name: str) -> str:
        word = re.compile(rf"(?<![\w.]){re.escape(name)}\b")
        return next((t for t in self.tags if word.search(t)), "{{ " + name + " }}")

    def _tag_with_attribute(self, name: str) -> str:
        word = re.compile(rf"\b{re.escape(name)}\b")
        return next((t for t in self.tags if word.search(t)), name)

    # ---- rendering --------------------------------------------------------------------------

    def render(self, context: Mapping[str, Any], out: Path) -> Path:
        """Render ``context`` into ``out`` (written whole, then moved into place)."""
        self.check(context)
        values = {
            k: InlineImage(self.tpl, io.BytesIO(v.png), width=Mm(v.width_mm))
            if isinstance(v, Chart)
            else _printable(v, self.clean)
            for k, v in context.items()
        }
        try:
            if self._compiled is None:
                self._compiled = CompiledDocx(self.tpl, self.env)
            pictures = any(isinstance(v, Chart) for v in context.values())
            self._compiled.render(values, has_pictures=pictures)
        except SecurityError as exc:
            attr = re.search(r"attribute '([^']+)'", str(exc))
            tag = self._tag_with_attribute(attr.group(1)) if attr else _near(exc)
            raise TemplateUnsafe(template=self.name, tag=tag) from None
        except UndefinedError as exc:
            missing = re.search(r"attribute '([^']+)'|'([^']+)' is undefined", str(exc))
            field = next((g for g in missing.groups() if g), "") if missing else ""
            raise TemplateUnknownField(
                template=self.name,
                tag=self._tag_with_attribute(field) if field else _near(exc),
                field=field or str(exc),
                available=", ".join(sorted(context)),
            ) from None
        except TemplateSyntaxError as exc:
            tag = locate_syntax_error(self.env, self.tags) or _near(exc)
            raise TemplateSyntax(template=self.name, tag=tag, detail=_detail(exc)) from None
        except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
            raise TemplateRender(template=self.name, tag=_near(exc), detail=_detail(exc)) from None
        return save_atomically(self.tpl, out)


def _detail(exc: Exception) -> str:
    """Jinja's message on one line, without its closing full stop: the catalogue's sentence
    around it ends with its own (``'if'.。`` otherwise)."""
    message = getattr(exc, "message", None) or str(exc)
    return " ".join(message.split()).rstrip(".")


def _printable(value: Any, clean: TextFilter) -> Any:
    """Every string in ``value`` (and in its dicts, lists and tuples) through ``clean``."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: _printable(v, clean) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_printable(v, clean) for v in value)
    return value


def save_atomically(tpl: DocxTemplate, out: Path) -> Path:
    tmp = out.with_name(f".~{out.stem}.tmp.docx")
    try:
        tpl.save(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        with contextlib.suppress(OSError):  # a read-only folder cannot lose it either
            tmp.unlink(missing_ok=True)
        raise OutputNotWritable(path=str(out), detail=exc.strerror or str(exc)) from None
    return out


def _near(exc: BaseException) -> str:
    """docxtpl's nearby text for an error (Jinja's line numbers mean nothing in Word)."""
    lines = [ln.strip() for ln in getattr(exc, "docx_context", []) if ln.strip()]
    return " … ".join(lines)[:120] or "?"


def locate_syntax_error(env: SandboxedEnvironment, tags: list[str]) -> str | None:
    """The first tag that does not parse on its own or breaks the nesting of blocks."""
    stack: list[tuple[str, str]] = []
    for tag in tags:
        if tag.startswith("{{"):
            if not _parses(env, tag):
                return tag
            continue
        body = tag[2:-2].strip("-+ \t\n")
        word = body.split(None, 1)[0] if body else ""
        if word in _BLOCKS:
            if not _parses(env, f"{tag}{{% end{word} %}}"):
                return tag
            stack.append((word, tag))
        elif word.startswith("end"):
            if not stack or stack[-1][0] != word[3:]:
                return tag
            stack.pop()
        elif word in ("else", "elif"):
            if not stack:
                return tag
            if word == "elif" and not _parses(env, "{% if x %}" + tag + "{% endif %}"):
                return tag
        elif word in ("set", "include", "import", "from", "extends", "break", "continue", "do"):
            if word == "set" and "=" in body and not _parses(env, tag):
                return tag
        else:
            return tag
    return stack[-1][1] if stack else None


def _parses(env: SandboxedEnvironment, source: str) -> bool:
    """Whether ``source`` compiles: parsing alone passes an unknown filter or test."""
    try:
        env.compile(source)
    except TemplateSyntaxError:
        return False
    return True
