"""The README is the manual: it must open with the two set-up commands and document
every command the CLI has."""

import re

from conftest import ROOT

from marsad.cli import cli


def test_readme_opens_with_the_two_setup_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S).group(1).strip().splitlines()
    assert [line.split("#")[0].strip() for line in block] == ["make demo", "make test"]
    assert text.index("make demo") < text.index("## ")


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_command_is_documented():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"marsad {name}" in text, name
