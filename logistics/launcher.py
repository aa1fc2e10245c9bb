"""``logistics launcher``: a file to double-click that starts the workbench (SPEC §9) on a
folder or workbook, for people who never open a terminal.

One launcher per desktop, each running ``<this python> -m logistics app -- <PATH>`` with
absolute paths:

- Windows: ``启动工作台.bat`` for cmd.exe (UTF-8 after ``chcp 65001``; ``%`` doubled, the
  path in double quotes, delayed expansion off so ``!`` stays literal);
- macOS: ``启动工作台.command`` for sh, opened by Terminal (each argument single-quoted);
- Linux: ``启动工作台.desktop``, a desktop entry whose ``Exec`` follows the Desktop Entry
  Specification's quoting (double quotes, ``\\"`` ``\\``` ``\\$`` ``\\\\`` inside, ``%%`` for a
  percent sign, then the string escapes of the file format).

The ``--`` before PATH ends the options, so no path can be read as one; a path with a line
break or another control character is refused (no launcher format can hold it safely).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from words import LANGS, both, pick, word

from .core.errors import UsageError

NAMES: dict[str, str] = dict(zip(LANGS, both("launcher_name"), strict=True))
SUFFIXES = {"win32": ".bat", "darwin": ".command", "linux": ".desktop"}


def app_argv(python: str, target: str) -> list[str]:
    """The command every launcher runs: the workbench on ``target``."""
    return [python, "-m", "logistics", "app", "--", target]


def launcher_kind(platform: str = sys.platform) -> str:
    """``win32``, ``darwin`` or ``linux`` (any other Unix gets a desktop entry too)."""
    return platform if platform in ("win32", "darwin") else "linux"


def launcher_name(lang: str, platform: str = sys.platform) -> str:
    return NAMES[lang] + SUFFIXES[launcher_kind(platform)]


def _refuse_control_characters(*values: str) -> None:
    for value in values:
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            shown = value.encode("unicode_escape").decode("ascii")
            raise UsageError(said="launcher_path_control", shown=shown)


# ---- Windows: cmd.exe ---------------------------------------------------------------------


def cmd_quote(arg: str) -> str:
    """``arg`` as one cmd.exe argument in a batch file: in double quotes (``& | < > ^`` are
    literal there), ``%`` doubled (a batch file expands ``%x%`` even in quotes). A double
    quote cannot occur in a Windows path and is refused."""
    _refuse_control_characters(arg)
    if '"' in arg:
        raise UsageError(said="launcher_path_quote", path=arg)
    return '"' + arg.replace("%", "%%") + '"'


def bat_script(python: str, target: str, lang: str) -> str:
    """The ``.bat`` text (CRLF line ends). Only ASCII before ``chcp 65001``: cmd.exe reads
    the rest of the file as UTF-8 from there on."""
    command = " ".join(cmd_quote(a) for a in app_argv(python, target))
    lines = [
        "@echo off",
        "chcp 65001 >nul",
        "setlocal DisableDelayedExpansion",
        f"echo {word(lang, 'launcher_running')}",
        command,
        "if errorlevel 1 (",
        f"  echo {word(lang, 'launcher_failed')}",
        "  pause",
        ")",
    ]
    return "\r\n".join(lines) + "\r\n"


# ---- macOS: sh in Terminal ---------------------------------------------------------------------


def command_script(python: str, target: str, lang: str) -> str:
    """The ``.command`` text: a POSIX sh script, every argument single-quoted."""
    _refuse_control_characters(python, target)
    command = " ".join(shlex.quote(a) for a in app_argv(python, target))
    return "\n".join(
        [
            "#!/bin/sh",
            f"echo {shlex.quote(word(lang, 'launcher_running'))}",
            f"{command} || {{ echo {shlex.quote(word(lang, 'launcher_failed'))}; read -r _; }}",
            "",
        ]
    )


# ---- Linux: a desktop entry ----------------------------------------------------------------


def desktop_quote(arg: str) -> str:
    """One ``Exec`` argument (Desktop Entry Specification, "The Exec key"): double-quoted with
    ``"`` `` ` `` ``$`` ``\\`` backslash-escaped, ``%`` written ``%%``; then the string escape
    of the file format doubles every backslash again."""
    _refuse_control_characters(arg)
    quoted = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg).replace("%", "%%")
    return ('"' + quoted + '"').replace("\\", "\\\\")


# GLib checks that an entry's program exists before it expands ``%%``, so an interpreter
# whose path holds a ``%`` is started through sh, which gets it as a plain argument.
SH_WRAPPER = ("/bin/sh", "-c", 'exec "$0" "$@"')


def desktop_entry(python: str, target: str, lang: str, *, terminal: bool = True) -> str:
    """The ``.desktop`` text. ``terminal``: run in a terminal window, which shows the
    address and stops the workbench when closed."""
    argv = app_argv(python, target)
    if "%" in python:
        argv = [*SH_WRAPPER, *argv]
    exec_line = " ".join(desktop_quote(a) for a in argv)
    names = [f"Name={NAMES['en']}", f"Name[zh_CN]={NAMES['zh']}"]
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            *pick(lang, [f"Name={NAMES['zh']}", f"Name[en]={NAMES['en']}"], names),
            f"Comment={word(lang, 'launcher_comment')}",
            f"Exec={exec_line}",
            f"Terminal={'true' if terminal else 'false'}",
            "Icon=x-office-spreadsheet",
            "Categories=Office;",
            "",
        ]
    )


# ---- writing it --------------------------------------------------------------------------


def write_launcher(
    target: Path,
    out_dir: Path | None = None,
    lang: str = "zh",
    *,
    platform: str = sys.platform,
    python: str = sys.executable,
) -> Path:
    """Write this machine's launcher for the workbench on ``target`` (a folder or workbook)
    into ``out_dir`` (default: the folder of ``target``); return its path.

    Raises UsageError when ``target`` does not exist or its path cannot go into a launcher.
    """
    target = Path(os.path.abspath(target))
    if not target.exists():
        raise UsageError(said="launcher_target_missing", path=target)
    folder = (
        Path(out_dir) if out_dir is not None else (target if target.is_dir() else target.parent)
    )
    python = os.path.abspath(python)
    kind = launcher_kind(platform)
    text = {"win32": bat_script, "darwin": command_script, "linux": desktop_entry}[kind](
        python, str(target), lang
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / launcher_name(lang, platform)
    path.write_bytes(text.encode("utf-8"))
    if kind != "win32":
        path.chmod(0o755)  # .command and .desktop run only when executable
    return path
