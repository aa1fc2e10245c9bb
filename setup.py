"""Build hook: the Word templates in ``templates/`` ship inside the package as
``reports/templates/*.docx`` (SPEC §5); the repository keeps them in the top-level folder."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "reports" / "templates"
        self.mkpath(str(target))
        for source in sorted((HERE / "templates").glob("*.docx")):
            self.copy_file(str(source), str(target / source.name))


setup(cmdclass={"build_py": BuildPyWithTemplates})
