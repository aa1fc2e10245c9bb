"""One docxtpl template compiled once and rendered many times (contracts for 200 people).

``DocxTemplate.render`` re-reads the .docx from disk, cleans its XML with regular expressions
and compiles the Jinja source of the body, every header, footer and core property on every
call: about a third of the time of a run of contracts. ``CompiledDocx`` does that once, then
for each context renders the compiled templates and swaps the results into the same open
document, exactly as ``DocxTemplate.render`` does after compiling (docxtpl 0.20: same XML
clean-up, table fixes, drawing ids, listing escapes). A template with footnotes, or a context
with pictures after the first render (their image parts would pile up in the package), takes
docxtpl's own path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, Template, TemplateError

PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


class _Source:
    """The cleaned XML of one part and its compiled Jinja template."""

    def __init__(self, env: Environment, xml: str) -> None:
        self.xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)  # as docxtpl: a line per paragraph
        self.template: Template = env.from_string(self.xml)


class CompiledDocx:
    """``tpl`` compiled with ``env``; ``render`` fills it for one context (then ``tpl.save``)."""

    def __init__(self, tpl: DocxTemplate, env: Environment) -> None:
        tpl.init_docx()
        self.tpl = tpl
        self.env = env
        self.body = _Source(env, tpl.patch_xml(tpl.get_xml()))
        self.parts: list[tuple[str, str, _Source]] = []  # rel key, encoding, source
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for rel_key, part in tpl.get_headers_footers(uri):
                xml = tpl.get_part_xml(part)
                encoding = tpl.get_headers_footers_encoding(xml)
                self.parts.append((rel_key, encoding, _Source(env, tpl.patch_xml(xml))))
        props = tpl.docx.core_properties
        self.properties = {p: env.from_string(getattr(props, p) or "") for p in PROPERTIES}
        self.has_footnotes = any(
            part.content_type == FOOTNOTES
            for section in tpl.docx.sections
            for part in section.part.package.parts
        )
        self.rendered = False

    def render(self, context: Mapping[str, Any], *, has_pictures: bool = False) -> None:
        """Fill the document with ``context``; raises Jinja's errors as docxtpl does."""
        tpl = self.tpl
        if self.has_footnotes or (has_pictures and self.rendered):
            tpl.render(dict(context), jinja_env=self.env)  # reloads the file: the slow path
            return
        tpl.pic_map = {}
        tpl.docx_ids_index = 1000
        tpl.is_saved = False
        tree = tpl.fix_tables(self._fill(self.body, tpl.docx._part, context))
        tpl.fix_docpr_ids(tree)
        tpl.map_tree(tree)
        for rel_key, encoding, source in self.parts:
            part = tpl.docx._part.rels[rel_key].target_part
            tpl.map_headers_footers_xml(rel_key, self._fill(source, part, context).encode(encoding))
        props = tpl.docx.core_properties
        for name, template in self.properties.items():
            setattr(props, name, template.render(context))
        tpl.is_rendered = True
        self.rendered = True

    def _fill(self, source: _Source, part: object, context: Mapping[str, Any]) -> str:
        self.tpl.current_rendering_part = part  # where InlineImage adds its picture
        try:
            xml = source.template.render(context)
        except TemplateError as exc:  # docxtpl's nearby text, for the message
            if getattr(exc, "lineno", None) is not None:
                first = max(exc.lineno - 4, 0)  # type: ignore[attr-defined]
                lines = source.xml.splitlines()[first : first + 7]
                exc.docx_context = [re.sub(r"<[^>]+>", "", ln) for ln in lines]  # type: ignore[attr-defined]
            raise
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        return str(self.tpl.resolve_listing(xml))
