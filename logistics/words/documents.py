"""Words of the documents: key -> (zh, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "template_missing": (
        "找不到内置模板“{template}”，安装可能不完整。请重新安装本工具（pip install）后重试。",
        "The built-in template '{template}' is missing; the installation may be incomplete. "
        "Reinstall the tool (pip install) and try again.",
    ),
    "template_folder_missing": (
        "模板文件夹“{folder}”不存在。请检查路径，或用 logistics templates export 导出模板。",
        "The templates folder '{folder}' does not exist. Check the path, or write the templates "
        "there with: logistics templates export",
    ),
    "template_unreadable": (
        "模板“{template}”不是有效的 Word 文档（{detail}）。请用 Word 另存为 .docx 后重试。",
        "Template '{template}' is not a valid Word document ({detail}). Save it as .docx in Word.",
    ),
    "template_syntax": (
        "模板“{template}”中的标记 {tag} 写法有误：{detail}。请在 Word 中改正该标记后重试。",
        "Template '{template}': the tag {tag} is not valid ({detail}). Correct it in Word.",
    ),
    "template_unsafe": (
        "模板“{template}”中的标记 {tag} 试图访问程序内部对象，出于安全考虑已拒绝生成文档。"
        "请删除该标记；模板中只能使用报告提供的字段。",
        "Template '{template}': the tag {tag} reaches into program internals and was refused for "
        "safety. Remove it; templates may only use the fields the report provides.",
    ),
    "template_unknown_field": (
        "模板“{template}”中的标记 {tag} 使用了不存在的字段“{field}”。可用字段：{available}。",
        "Template '{template}': the tag {tag} uses '{field}', which this report does not provide. "
        "Available fields: {available}.",
    ),
    "template_full_width": (
        "模板“{template}”中的“{text}”使用了全角括号或百分号，不会被当作标记替换。"
        "请改为半角符号，例如 {{{{ school }}}}。",
        "Template '{template}': '{text}' is written with full-width braces or percent signs and "
        "would print as typed. Use half-width ones, e.g. {{{{ school }}}}.",
    ),
    "template_render": (
        "模板“{template}”生成失败，问题出在标记 {tag} 附近：{detail}。",
        "Template '{template}' could not be rendered near the tag {tag}: {detail}.",
    ),
    "output_not_writable": (
        "无法写入“{path}”：{detail}。如果该文件正在 Word 中打开，请先关闭。",
        "Cannot write '{path}': {detail}. If it is open in Word, close it first.",
    ),
}
