"""The ``linyi-tracker`` application: commands registered here, errors mapped here.

Exit codes (product.md): 0 success; 1 the data has errors or a check failed;
2 usage, configuration or unreadable input, and any operating-system error (a path too
long, a full or read-only disk, a deleted current folder, ``> /dev/full``);
70 (``EX_SOFTWARE`` of sysexits.h) an internal error — a bug, never the data's fault,
so that a script tells a crash from findings; 141 (128 + SIGPIPE) when the reader of
the output went away (``| head``), silently.

The one place that turns exceptions into a message on stderr and an exit code is
:class:`TrackerGroup`: Click's usage errors in ``main`` (rendered by cli/usage.py), the
core's :class:`TrackerError` in ``invoke``, and in ``main`` every other exception: an
:class:`OSError` as one line, anything else as one line saying "internal error" — the
traceback only with ``--debug`` or ``LINYI_TRACKER_DEBUG=1``. All in the language of
the run (``--lang``, else the environment).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from linyi_tracker import __version__
from linyi_tracker.cli import (
    extract,
    ingest,
    plan_cmd,
    report,
    show,
    status,
    template,
    validate,
    withdraw,
)
from linyi_tracker.cli.options import LangOption
from linyi_tracker.cli.usage import (
    TrackerCommand,
    TrackerGroupBase,
    current_lang,
    is_abort,
    is_click_error,
    language_of_run,
    show_click_error,
)
from linyi_tracker.errors import DataInvalidError, PlanInvalidError, TrackerError
from linyi_tracker.i18n import Lang, Text, TextError, t


class TrackerGroup(TrackerGroupBase):
    """Runs a command in the run's language; every error becomes a message and exit 1 or 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        from linyi_tracker.cli.streams import tolerant_streams

        tolerant_streams()
        argv = list(sys.argv[1:] if args is None else args)
        argv, _DEBUG[0] = _without_debug(argv)
        with language_of_run(argv) as lang:
            try:
                # Not standalone: Click's errors come back here to be shown in `lang`.
                result = super().main(
                    argv, prog_name, complete_var, False, windows_expand_args, **extra
                )
                code = result if isinstance(result, int) else 0
                code = _flushed(code, lang)
            except (BrokenPipeError, _PipeClosed):
                code = _pipe_closed()
            except Exception as exc:
                if is_click_error(exc):
                    code = show_click_error(exc, lang)
                elif is_abort(exc):
                    typer.echo(t("cli.aborted", lang), err=True)
                    code = 1
                elif isinstance(exc, OSError):
                    code = _os_error(exc, lang)
                else:
                    code = _internal_error(exc, lang)
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        try:
            from linyi_tracker.cli.files import refuse_empty_paths

            refuse_empty_paths(list(ctx.args))  # `--data ''` would read the current folder
            return super().invoke(ctx)
        except DataInvalidError as exc:
            _fail(exc, exc.findings, _check_tip(exc))
            raise typer.Exit(1) from None
        except PlanInvalidError as exc:
            _fail(exc, exc.findings, None)
            raise typer.Exit(2) from None
        except TrackerError as exc:
            _fail(exc, [], None)
            raise typer.Exit(2) from None
        except BrokenPipeError:
            # Click would turn it into exit 1; `main` makes it a quiet 141
            raise _PipeClosed() from None


class _PipeClosed(Exception):
    """Standard output's reader went away (carried past Click's own EPIPE handling)."""


INTERNAL_ERROR = 70  # EX_SOFTWARE (sysexits.h): a bug, not the data, not the usage
PIPE_CLOSED = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left
DEBUG_ENV = "LINYI_TRACKER_DEBUG"
_WRITE_ERRORS = {errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DEBUG = [False]  # set by the root's --debug for this run


def debugging() -> bool:
    """Whether an internal error shows its traceback: ``--debug`` or LINYI_TRACKER_DEBUG."""
    value = os.environ.get(DEBUG_ENV, "").strip().lower()
    return _DEBUG[0] or value not in ("", "0", "no", "false", "off")


def _without_debug(argv: list[str]) -> tuple[list[str], bool]:
    """``--debug`` is taken wherever it is written before ``--`` (the internal-error
    message says "with --debug", and users add it at the end: ``status … --debug``)."""
    end = argv.index("--") if "--" in argv else len(argv)
    if "--debug" not in argv[:end]:
        return argv, False
    return [a for a in argv[:end] if a != "--debug"] + argv[end:], True


def _say(line: str) -> None:
    """One line on stderr, whatever the stream can encode; nothing if stderr is gone."""
    from linyi_tracker.cli.output import safe_text

    with contextlib.suppress(OSError, ValueError):  # stderr closed or full: nowhere to say it
        typer.echo(safe_text(line, one_line=True), err=True)


def _internal_error(exc: BaseException, lang: Lang) -> int:
    """A bug: one line in the user's language, the traceback only when debugging."""
    if debugging():
        import traceback

        with contextlib.suppress(OSError, ValueError):
            traceback.print_exception(exc, file=sys.stderr)
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    _say(f"{t('cli.error', lang)}{t('cli.internal_error', lang, error=detail)}")
    return INTERNAL_ERROR


def os_reason(exc: OSError, lang: Lang) -> str:
    """The operating system's reason in ``lang`` (:func:`linyi_tracker.i18n.os_reason`)."""
    from linyi_tracker.i18n import os_reason as both

    return both(exc)[lang]


def _os_error(exc: OSError, lang: Lang) -> int:
    """An operating-system error no command caught: one line naming the path, exit 2."""
    if exc.filename is None and exc.errno == errno.ENOENT and not _cwd_exists():
        message = t("os.cwd_gone", lang)
    elif exc.filename is None and exc.errno in _WRITE_ERRORS:
        # no file named: a write to standard output (`> /dev/full`); what is still
        # buffered would fail again at the interpreter's exit
        _mute_stdout()
        message = t("os.stdout_failed", lang, reason=os_reason(exc, lang))
    elif exc.filename is not None:
        path = os.fsdecode(exc.filename) if isinstance(exc.filename, bytes) else exc.filename
        message = t("os.error", lang, reason=os_reason(exc, lang), path=path)
    else:
        message = os_reason(exc, lang)
    _say(f"{t('cli.error', lang)}{message}")
    return 2


def _cwd_exists() -> bool:
    try:
        os.getcwd()
    except OSError:
        return False
    return True


def _flushed(code: int, lang: Lang) -> int:
    """Standard output flushed now, while an error can still be reported (``> /dev/full``
    fails only here); then it cannot fail again at the interpreter's exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return _pipe_closed()
    except OSError as exc:
        _mute_stdout()
        _say(f"{t('cli.error', lang)}{t('os.stdout_failed', lang, reason=os_reason(exc, lang))}")
        return 2
    return code


def _pipe_closed() -> int:
    """The reader left (``| head``): stop quietly, as a shell tool does."""
    _mute_stdout()
    return PIPE_CLOSED


def _mute_stdout() -> None:
    """What is still buffered for standard output goes nowhere, so that Python's own
    flush at exit does not print "Exception ignored … BrokenPipeError"."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):  # a test's stream: nothing at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def message_of(exc: Exception, lang: Lang) -> str:
    """An exception's message in ``lang`` when it carries both, else its own text."""
    if isinstance(exc, TextError):
        return exc.render(lang, plain=True)  # printed on a terminal: no Markdown marks
    text = getattr(exc, "text", None)
    if isinstance(text, Text):
        return text.render(lang, plain=True)
    return str(exc)


def _check_tip(exc: Exception) -> Text | None:
    """The command that lists every finding of a data folder with errors, written out so
    it can be run as it stands (the folder, and the plan when validate would not find it).
    None for a submission refused against a sound folder (a conflict with a stored figure,
    a withdrawn figure): validating the folder would find nothing, and the refusal itself
    says what to do."""
    from linyi_tracker.cli.context import validate_command
    from linyi_tracker.usecases import DataHasErrors

    if not isinstance(exc, DataHasErrors):
        return None
    command = validate_command(exc.folder, exc.plan)
    return Text("cli.tip.validate_folder", {"command": command})


def _fail(exc: Exception, findings: list[object], tip: Text | None) -> None:
    from linyi_tracker.cli.output import print_findings, stderr
    from linyi_tracker.findings import Finding

    lang = current_lang()
    console = stderr()
    shown = [f for f in findings if isinstance(f, Finding)]
    if shown:
        # the command that lists them all: the tip's, plan check's, or validate on the files
        rest = (
            "findings.rest.tip"
            if tip is not None
            else "findings.rest.plan"
            if isinstance(exc, PlanInvalidError)
            else "findings.rest.validate"
        )
        print_findings(console, shown, limit=20, lang=lang, rest=rest)
    console.print(
        f"{t('cli.error', lang)}{message_of(exc, lang)}",
        markup=False,
        style="bold red",
        soft_wrap=True,  # one line, whatever the width: scripts grep it
    )
    if tip is not None:
        console.print(  # one line: a command to copy is not broken
            f"{t('cli.tip', lang)}{tip.render(lang, plain=True)}", markup=False, soft_wrap=True
        )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"linyi-tracker {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: LangOption = None,
    debug: Annotated[bool, typer.Option("--debug")] = False,
) -> None:
    """Track the plan's targets (help text: cli/help_texts.py).

    ``--lang`` here only sets the language of help and errors (read from argv before
    parsing, cli/usage.py); each command takes its own ``--lang`` for its output.
    ``--debug`` shows an internal error's traceback.
    """
    _DEBUG[0] = _DEBUG[0] or debug


COMMANDS = (
    ("status", status.status),
    ("show", show.show),
    ("report", report.report),
    ("validate", validate.validate),
    ("template", template.template),
    ("ingest", ingest.ingest),
    ("withdraw", withdraw.withdraw),
    ("extract", extract.extract),
)


def _application(commands: Sequence[tuple[str, Any]], *, plan: bool) -> typer.Typer:
    """The application with these commands (and ``plan``'s group), the root options and
    settings written once for :data:`app` and for :func:`_for_run`."""
    application = typer.Typer(
        cls=TrackerGroup,
        name="linyi-tracker",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(_root)
    for name, function in commands:
        application.command(name, cls=TrackerCommand)(function)
    if plan:
        application.add_typer(plan_cmd.plan_app, name="plan")
    return application


app = _application(COMMANDS, plan=True)


def _for_run(args: Sequence[str]) -> typer.Typer:
    """The application a run needs: with only the command its arguments name, when they
    name one of :data:`COMMANDS` after nothing but the root's ``--lang`` and ``--debug``;
    else (help, version, completion, a mistyped name, ``plan``) the whole :data:`app`.

    Typer reads every command's signature and builds its options before it parses a
    word: 10 ms for the nine commands, 4 % of ``status``'s start-up (bench/run.py). The
    command itself is built as in the whole application, so it runs the same."""
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return app  # shell completion lists every command
    names = dict(COMMANDS)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--lang":
            i += 2
        elif arg.startswith("--lang=") or arg == "--debug":
            i += 1
        elif arg in names:
            return _application([(arg, names[arg])], plan=False)
        else:
            return app
    return app


def main() -> None:
    _for_run(sys.argv[1:])()
