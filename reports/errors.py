"""What can go wrong with a template or an output file, said so that a clerk can fix it.

Every message names the template file and, where there is one, the Jinja tag as it reads
in Word (``{{ r.nmae }}``), never a line number: Word documents have no lines a user can see.
"""

from __future__ import annotations

from typing import ClassVar


class DocumentError(Exception):
    """Base class: a problem with a template or an output file that the user can fix.

    Each subclass words its message in both languages (``zh``, ``en``: ``str.format``
    templates over the keyword ``params``); the caller picks the language. ``exit_code`` is 2,
    like every file problem. The engine stands alone: a product shows these as its own errors.
    """

    zh: ClassVar[str] = "{detail}"
    en: ClassVar[str] = "{detail}"
    exit_code: ClassVar[int] = 2

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        """The message in ``lang`` ("zh", else English)."""
        return (self.zh if lang == "zh" else self.en).format(**self.params)


class TemplateError(DocumentError):
    """A template that cannot be used as it is (exit code 2, like other file problems)."""


class TemplateMissing(TemplateError):
    zh = "找不到内置模板“{template}”，安装可能不完整。请重新安装本工具（pip install）后重试。"
    en = (
        "The built-in template '{template}' is missing; the installation may be incomplete. "
        "Reinstall the tool (pip install) and try again."
    )


class TemplateFolderMissing(TemplateError):
    zh = "模板文件夹“{folder}”不存在。请检查路径，或用 logistics templates export 导出模板。"
    en = (
        "The templates folder '{folder}' does not exist. Check the path, or write the "
        "templates there with: logistics templates export"
    )


class TemplateUnreadable(TemplateError):
    zh = "模板“{template}”不是有效的 Word 文档（{detail}）。请用 Word 另存为 .docx 后重试。"
    en = "Template '{template}' is not a valid Word document ({detail}). Save it as .docx in Word."


class TemplateSyntax(TemplateError):
    zh = "模板“{template}”中的标记 {tag} 写法有误：{detail}。请在 Word 中改正该标记后重试。"
    en = "Template '{template}': the tag {tag} is not valid ({detail}). Correct it in Word."


class TemplateUnsafe(TemplateError):
    zh = (
        "模板“{template}”中的标记 {tag} 试图访问程序内部对象，出于安全考虑已拒绝生成文档。"
        "请删除该标记；模板中只能使用报告提供的字段。"
    )
    en = (
        "Template '{template}': the tag {tag} reaches into program internals and was refused "
        "for safety. Remove it; templates may only use the fields the report provides."
    )


class TemplateUnknownField(TemplateError):
    zh = "模板“{template}”中的标记 {tag} 使用了不存在的字段“{field}”。可用字段：{available}。"
    en = (
        "Template '{template}': the tag {tag} uses '{field}', which this report does not "
        "provide. Available fields: {available}."
    )


class TemplateFullWidth(TemplateError):
    zh = (
        "模板“{template}”中的“{text}”使用了全角括号或百分号，不会被当作标记替换。"
        "请改为半角符号，例如 {{{{ school }}}}。"
    )
    en = (
        "Template '{template}': '{text}' is written with full-width braces or percent signs "
        "and would print as typed. Use half-width ones, e.g. {{{{ school }}}}."
    )


class TemplateRender(TemplateError):
    zh = "模板“{template}”生成失败，问题出在标记 {tag} 附近：{detail}。"
    en = "Template '{template}' could not be rendered near the tag {tag}: {detail}."


class OutputNotWritable(DocumentError):
    zh = "无法写入“{path}”：{detail}。如果该文件正在 Word 中打开，请先关闭。"
    en = "Cannot write '{path}': {detail}. If it is open in Word, close it first."
