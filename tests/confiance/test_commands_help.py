"""`confiance --help` lists every command, and every command and sub-command has --help."""

from __future__ import annotations

import click
from click.testing import CliRunner

from confiance.cli import COMMANDS, main


def _walk(group: click.Group, path: list[str]):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield [*path, name], command
        if isinstance(command, click.Group):
            yield from _walk(command, [*path, name])


def _top() -> list[str]:
    return main.list_commands(click.Context(main))


def test_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    for name in _top():
        assert name in result.output
    assert len(_top()) == len(COMMANDS)
    expected = {"generate", "run", "summary", "vault", "scrub", "pii-eval", "quality", "publish", "site", "report"}
    assert expected <= set(_top())
    # each lazily loaded command is the one its module defines, under the name --help shows
    for name in _top():
        assert main.get_command(click.Context(main), name).name == name


def test_every_command_has_help():
    runner = CliRunner()
    commands = list(_walk(main, []))
    assert len(commands) > len(_top())  # the groups' sub-commands are walked too
    for path, command in commands:
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0, f"confiance {' '.join(path)} --help: {result.output}"
        assert "Usage:" in result.output
        assert command.help or command.short_help, f"confiance {' '.join(path)} has no help text"
