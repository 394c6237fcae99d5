"""Click in the user's language: the help pages and the usage errors, in zh or en.

Why not gettext: the installed Typer (0.29) vendors its own copy of Click
(``typer._click``) and that copy has no gettext at all — "No such option", "Missing
argument", "Usage:", "Try … for help", "Show this message and exit." are English
f-strings; only typer.core's few headings go through the stdlib's global ``gettext``.
A translation catalogue would reach a handful of headings and none of the errors, and
patching module globals would break silently on the next release. So the language is
applied at the two places where Click shows text, from the fields Click gives, never
by reading back its English sentences:

- help: :class:`TrackerCommand` and :class:`TrackerGroupBase` lay out the page
  themselves (usage line, description, parameters, commands) from
  :mod:`linyi_tracker.cli.help_texts` and i18n's headings, wrapped by cli/wrap.py;
- errors: the root group runs Click with ``standalone_mode=False`` (cli/app.py), so
  every ``ClickException`` reaches :func:`show_click_error`, which renders it from its
  type and fields (the option's name, the parameter, the possibilities). The errors
  Click only builds as prose (extra arguments, no such command, missing command) are
  raised by the classes here instead, as :class:`ClickText`. Option values are never
  converted by Click: each typed option has a parser in options.py that fails in the
  chosen language.

The language is chosen once per run, before Click parses anything (help is rendered
while parsing): ``--lang`` found in argv, else ``LINYI_TRACKER_LANG``, else the locale.
Only this module touches Typer's private Click; a test renders each kind of error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from enum import Enum
from typing import IO, Any

import typer
from typer.core import TyperCommand, TyperGroup

from linyi_tracker.cli import help_texts
from linyi_tracker.cli.wrap import cell_width, wrap
from linyi_tracker.formatting import listed
from linyi_tracker.i18n import LABELS, Lang, Text, resolve_lang, t

try:  # Typer >= 0.2x carries its own Click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older Typer on the real Click
    from click import exceptions as click_errors  # type: ignore[import-not-found,no-redef]

_LANG: ContextVar[Lang | None] = ContextVar("linyi_tracker_lang", default=None)


def lang_from_args(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before ``--``, if any."""
    found: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found


def current_lang() -> Lang:
    """The language of this run (set by :func:`language_of_run`), else from the environment."""
    return _LANG.get() or resolve_lang(None)


@contextmanager
def language_of_run(args: Sequence[str]) -> Iterator[Lang]:
    """Fix the language for one run of the command line from its arguments and env."""
    option = (lang_from_args(args) or "").strip().lower()
    lang = resolve_lang(option if option in ("zh", "en") else None)
    token = _LANG.set(lang)
    try:
        yield lang
    finally:
        _LANG.reset(token)


class ClickText(click_errors.UsageError):
    """A usage error raised here with a zh/en text instead of Click's English one."""

    def __init__(self, text: Text, ctx: Any = None) -> None:
        self.text = text
        super().__init__(text.render("en"), ctx)


# Help pages


def command_key(ctx: Any) -> str:
    """``"plan check"`` for ``linyi-tracker plan check``; ``""`` for the root."""
    names: list[str] = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


# A placeholder as the parameters name it (metavar="FILE"); "..." and braces kept.
_PLACEHOLDER = re.compile(r"\b[A-Z]+\b")


def metavar(text: str, lang: Lang) -> str:
    """The placeholders in ``text`` (``--plan FILE``, ``{PATH...}``, ``'YEAR'``) in
    ``lang`` — 文件, 路径, 年份 in Chinese — from i18n's ``metavar.*`` words; the one rule
    for the usage line, the parameter rows and the usage errors. Choices written as
    values (``zh|en``, ``table|json``) are typed as they are and stay."""
    if lang != "zh":
        return text

    def said(m: re.Match[str]) -> str:
        key = f"metavar.{m.group(0)}"
        return t(key, lang) if key in LABELS else m.group(0)

    return _PLACEHOLDER.sub(said, text)


def _usage(command: Any, ctx: Any, formatter: Any, lang: Lang) -> None:
    pieces = command.collect_usage_pieces(ctx)
    if lang == "zh":
        swap = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}
        pieces = [metavar(swap.get(p, p), lang) for p in pieces]
    formatter.write(f"{t('cli.usage', lang)}{ctx.command_path} {' '.join(pieces)}".rstrip() + "\n")


def _parameter_rows(command: Any, ctx: Any, lang: Lang) -> tuple[list[Row], list[Row]]:
    key = command_key(ctx)
    arguments: list[Row] = []
    options: list[Row] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        is_argument = param.param_type_name == "argument"
        name = (param.name or "") if is_argument else max(param.opts, key=len)
        text = help_texts.parameter_help(key, name, lang)
        extras = _extras(param, lang)
        if extras:
            text = f"{text}  [{'; '.join(extras)}]" if text else f"[{'; '.join(extras)}]"
        row = (metavar((param.metavar or name.upper()) if is_argument else record[0], lang), text)
        (arguments if param.param_type_name == "argument" else options).append(row)
    return arguments, options


def _extras(param: Any, lang: Lang) -> list[str]:
    out = []
    default = param.default
    if (
        getattr(param, "show_default", False) is True
        and default is not None
        and not isinstance(default, bool)
        and default not in ((), [])
        and not callable(default)
    ):
        value = default.value if isinstance(default, Enum) else default
        out.append(t("cli.default", lang, value=value))
    if param.required:
        out.append(t("cli.required", lang))
    return out


Row = tuple[str, str]


def _write_page(command: Any, ctx: Any, formatter: Any, commands: list[Row] | None = None) -> None:
    lang = current_lang()
    width = formatter.width
    _usage(command, ctx, formatter, lang)
    formatter.write("\n")
    for paragraph in help_texts.command_help(command_key(ctx), lang).split("\n\n"):
        for line in wrap(paragraph, width - 2):
            formatter.write(f"  {line}\n")
        formatter.write("\n")
    arguments, options = _parameter_rows(command, ctx, lang)
    sections = [
        ("cli.section.arguments", arguments),
        ("cli.section.options", options),
        ("cli.section.commands", commands or []),
    ]
    first = True
    for heading, rows in sections:
        if not rows:
            continue
        if not first:
            formatter.write("\n")
        first = False
        colon = "：" if lang == "zh" else ":"
        formatter.write(f"{t(heading, lang)}{colon}\n")
        _write_rows(formatter, rows, width)


def _write_rows(formatter: Any, rows: list[Row], width: int) -> None:
    left = min(max(cell_width(a) for a, _ in rows), 30) + 4
    for first, second in rows:
        lines = wrap(second, max(width - left, 20))
        pad = left - 2 - cell_width(first)
        if pad >= 2:
            formatter.write(f"  {first}{' ' * pad}{lines[0] if lines else ''}\n")
            rest = lines[1:]
        else:
            formatter.write(f"  {first}\n")
            rest = lines
        for line in rest:
            formatter.write(f"{' ' * left}{line}\n")


def _short_help(command: Any) -> str:
    """A command's one-line help (shell completion, command lists) from help_texts."""
    name = command.name or ""
    keys = [k for k in help_texts.COMMANDS if k == name or k.endswith(f" {name}")]
    return help_texts.short_help(keys[0], current_lang()) if keys else ""


class TrackerCommand(TyperCommand):
    """A command whose help page and own usage errors are in the run's language."""

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short_help(self)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter, current_lang())

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _write_page(self, ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Click would refuse extra arguments with an English sentence; refuse them here.
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        given = list(args)  # the parser consumes the list it is given
        try:
            rest: list[str] = super().parse_args(ctx, args)
        except click_errors.UsageError as exc:
            # the parser raises some without the context: attach it, for the usage line
            # and for the option's details (cli.takes_no_value)
            if exc.ctx is None:
                exc.ctx = ctx
            bare = _bare_value(self, ctx, given, exc)
            if bare is not None:  # template 2017: the value was given without --period
                raise ClickText(Text("cli.missing_option_bare", bare), ctx) from None
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ClickText(Text("cli.extra_arguments", {"args": " ".join(rest)}), ctx)
        return rest


def _bare_value(command: Any, ctx: Any, args: list[str], exc: Exception) -> dict[str, str] | None:
    """For a required option missing while a value stands bare on the line (``template
    2017``, ``--period`` not written), the option and that value, to say where it goes."""
    param = getattr(exc, "param", None)
    if not isinstance(exc, click_errors.MissingParameter) or param is None:
        return None
    opts = getattr(param, "opts", [])
    if param.param_type_name != "option" or not opts:
        return None
    try:
        _, rest, _ = command.make_parser(ctx).parse_args(args=list(args))
    except click_errors.UsageError:
        return None
    bare = [a for a in rest if not a.startswith("-")]
    return {"name": max(opts, key=len), "value": bare[0]} if len(bare) == 1 else None


class TrackerGroupBase(TyperGroup):
    """A group whose help page, command list and usage errors are in the run's language."""

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short_help(self)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter, current_lang())

    def format_help(self, ctx: Any, formatter: Any) -> None:
        lang = current_lang()
        key = command_key(ctx)
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            sub = f"{key} {name}".strip()
            rows.append((name, help_texts.short_help(sub, lang)))
        _write_page(self, ctx, formatter, rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if (
            self.get_command(ctx, name) is None
            and not ctx.resilient_parsing
            and not name.startswith("-")
        ):
            from difflib import get_close_matches

            text = Text("cli.no_such_command", {"name": name})
            close = get_close_matches(name, list(self.commands))
            if close:
                names = ", ".join(f"'{c}'" for c in close)
                guess = Text("cli.did_you_mean_command", {"names": names})
                text = Text("cli.joined", {"a": text, "b": guess})
            raise ClickText(text, ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        if not ctx._protected_args and not self.invoke_without_command:
            raise ClickText(Text("cli.missing_command"), ctx)
        return super().invoke(ctx)


# Usage errors


def show_click_error(exc: Exception, lang: Lang, file: IO[str] | None = None) -> int:
    """Print a Click exception in ``lang`` on stderr; return its exit code."""
    if isinstance(exc, click_errors.NoArgsIsHelpError):
        exc.show(file)
        return exc.exit_code
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click_errors.UsageError) and ctx is not None:
        typer.echo(ctx.get_usage(), file=file, err=True)
        option = ctx.help_option_names[0] if ctx.help_option_names else "--help"
        typer.echo(
            t("cli.try_help", lang, command=ctx.command_path, option=option), file=file, err=True
        )
        typer.echo("", file=file, err=True)
    from linyi_tracker.cli.output import safe_text  # an argument may hold ESC sequences

    message = safe_text(click_message(exc, lang), one_line=True)
    typer.echo(f"{t('cli.error', lang)}{message}", file=file, err=True)
    return int(getattr(exc, "exit_code", 2))


def click_message(exc: Exception, lang: Lang) -> str:
    """The message of a Click exception, built from its fields in ``lang``."""
    try:
        return _click_message(exc, lang)
    except AttributeError:  # pragma: no cover - a Click whose exceptions changed shape
        return str(exc)


def _click_message(exc: Exception, lang: Lang) -> str:
    e = click_errors
    if isinstance(exc, ClickText):
        return exc.text.render(lang)
    if isinstance(exc, e.NoSuchOption):
        text = t("cli.no_such_option", lang, name=exc.option_name)
        if exc.possibilities:
            sep = "" if lang == "zh" else " "
            options = listed(sorted(exc.possibilities), lang)
            text += sep + t("cli.possible_options", lang, options=options)
        return text
    if isinstance(exc, e.MissingParameter):
        param = exc.param
        kind = exc.param_type or (param.param_type_name if param is not None else "parameter")
        hint = _hint(exc)
        return t(f"cli.missing.{kind}", lang, name=metavar(hint or "", lang))
    if isinstance(exc, e.BadParameter):
        hint = _hint(exc)
        if hint is None:
            return t("cli.invalid_value_bare", lang, message=exc.message)
        return t("cli.invalid_value", lang, name=hint, message=exc.message)
    if isinstance(exc, e.BadOptionUsage):
        param = _option_named(exc.ctx, exc.option_name)
        if param is not None and getattr(param, "is_flag", False):
            return t("cli.takes_no_value", lang, name=exc.option_name)
        nargs = param.nargs if param is not None else 1
        if nargs == 1:
            return t("cli.needs_value", lang, name=exc.option_name)
        return t("cli.needs_values", lang, name=exc.option_name, n=nargs)
    if isinstance(exc, e.ClickException):
        return exc.format_message()
    return str(exc)


def _hint(exc: Any) -> str | None:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(repr(x) for x in hint)
    if exc.param is not None:
        return str(exc.param.get_error_hint())
    return None


def _option_named(ctx: Any, name: str) -> Any:
    if ctx is None:
        return None
    for param in ctx.command.get_params(ctx):
        if name in getattr(param, "opts", ()) or name in getattr(param, "secondary_opts", ()):
            return param
    return None


def is_click_error(exc: BaseException) -> bool:
    return isinstance(exc, click_errors.ClickException)


def is_abort(exc: BaseException) -> bool:
    return isinstance(exc, typer.Abort)
