"""The README and the command line agree: every command has help and is documented."""

import re
from pathlib import Path

from typer.main import get_command

from logistics.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_and_appears_in_the_readme():
    group = get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert {"demo", "new", "validate", "score", "summary", "rank", "energy", "explain"} <= set(
        commands
    )
    for name in commands:
        command = group.get_command(None, name)  # type: ignore[arg-type]  # as --help shows it
        assert command.help and len(command.help) > 20, name
        assert f"logistics {name}" in README, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.name}"


def test_ci_runs_exactly_the_readme_test_command():
    blocks = re.findall(r"```bash\n(.*?)```", README, re.S)
    quick_start = [line for b in blocks for line in b.splitlines() if "pytest" in line]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert quick_start[0].strip() == ci_lines[-1].strip()


def test_readme_quick_start_runs_the_demo():
    assert "pip install -e . && logistics demo" in README
