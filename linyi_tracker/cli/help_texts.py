"""Every ``--help`` text, looked up: the table (zh and en, keys explained there) is
:mod:`linyi_tracker.texts.cli_help`. The help page itself is laid out by cli/usage.py.
"""

from __future__ import annotations

from linyi_tracker.i18n import Lang
from linyi_tracker.texts.cli_help import COMMANDS as COMMANDS
from linyi_tracker.texts.cli_help import PARAMETERS as PARAMETERS


def command_help(command: str, lang: Lang) -> str:
    """The description of ``command`` (its path without the program name)."""
    return COMMANDS[command][lang]


def short_help(command: str, lang: Lang) -> str:
    """The first line of a command's description, for the list of commands."""
    return command_help(command, lang).split("\n", 1)[0]


def parameter_help(command: str, name: str, lang: Lang) -> str:
    """The help line of a parameter: the command's own text, else the shared one."""
    texts = PARAMETERS.get(f"{command}|{name}") or PARAMETERS.get(f"*|{name}")
    return texts[lang] if texts else ""
