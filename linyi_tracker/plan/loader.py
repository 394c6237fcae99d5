"""Loading a plan file: YAML with positions, pydantic validation, plan checks.

PyYAML's composed nodes carry the line and column of every key and value. The file is
composed once, duplicate keys are caught (PyYAML would silently keep the last), the
nodes are turned into Python data with decimals kept exact, and every problem —
YAML syntax, shape, cross-reference — becomes a :class:`Finding` at its node.

Long because YAML is composed here by hand, with positions, bounded aliases and YAML 1.2
numbers (PyYAML's constructor would lose positions and read 2:1 as 121); each step is
small, but they belong to one pass over the file.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import yaml
from pydantic import ValidationError

from linyi_tracker.characters import unsafe_character
from linyi_tracker.errors import PlanInvalidError
from linyi_tracker.findings import Finding, Param, Severity
from linyi_tracker.i18n import Text, TextNotFoundError, os_reason
from linyi_tracker.plan.checks import check_plan
from linyi_tracker.plan.models import Plan
from linyi_tracker.safeio import read_regular

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader reading only plain decimal numbers (as YAML 1.2 does, without its
    0o/0x forms).

    YAML 1.1 (PyYAML's default) reads ``2:1`` as 121 (base 60), ``012`` as 10 (octal),
    ``0x1F`` as 31 and ``0b101`` as 5. Here they stay text, and the loader refuses them
    with a hint to quote them (see ``_YAML11_NUMBER_TAG``): a ratio never silently
    becomes a number.
    """

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in {_INT_TAG, _FLOAT_TAG}]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


_Loader.add_implicit_resolver(
    _INT_TAG, re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    _FLOAT_TAG,
    re.compile(
        r"""^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?
        |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        re.X,
    ),
    list("-+0123456789."),
)
# What YAML 1.1 alone reads as a number (base 60, octal, hex, binary) gets a tag of its
# own, at no cost (resolution is by regular expression anyway); the constructor notes
# each such node and the loader refuses them.
_YAML11_NUMBER_TAG = "tag:linyi-tracker,2026:yaml-1.1-number"
for _first, _resolvers in _BaseLoader.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        if _tag in {_INT_TAG, _FLOAT_TAG}:
            _Loader.add_implicit_resolver(_YAML11_NUMBER_TAG, _regexp, [_first])
_YAML11: Any = yaml.resolver.Resolver()  # what PyYAML's own loaders would read, for the message


class _DecimalConstructor(yaml.constructor.SafeConstructor):
    """Safe constructor that keeps YAML floats as exact decimals (1.5 stays 1.5)."""

    def __init__(self) -> None:
        super().__init__()
        self.ambiguous: list[yaml.Node] = []  # YAML 1.1-only numbers met, kept as text

    def construct_yaml11_number(self, node: yaml.Node) -> Any:
        self.ambiguous.append(node)
        return str(node.value)

    def construct_yaml_float(self, node: yaml.Node) -> Any:
        text = str(node.value).replace("_", "").lower()
        if text in {".inf", "+.inf", "-.inf", ".nan"}:
            return text  # a string: the model rejects it with a clear message
        return Decimal(text)


_DecimalConstructor.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:float", _DecimalConstructor.construct_yaml_float
)
_DecimalConstructor.add_constructor(  # type: ignore[type-var]
    _YAML11_NUMBER_TAG, _DecimalConstructor.construct_yaml11_number
)


@dataclass
class PlanLoad:
    """The outcome of loading a plan: the plan (if usable) and every finding."""

    path: Path
    plan: Plan | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def load_plan(path: Path) -> PlanLoad:
    """Load and check a plan file; never raises for a problem inside the file."""
    shown = str(path)
    try:
        raw = read_regular(path, shown)  # a FIFO or /dev/zero is refused, not read for ever
    except FileNotFoundError:
        raise TextNotFoundError(Text("input.plan_missing", {"path": shown})) from None
    except IsADirectoryError:
        raise TextNotFoundError(Text("input.plan_is_folder", {"path": shown})) from None
    except OSError as exc:
        raise TextNotFoundError(
            Text("input.plan_unreadable", {"path": shown, "reason": os_reason(exc)})
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return PlanLoad(
            path,
            None,
            [
                Finding(
                    "encoding-error",
                    Severity.ERROR,
                    shown,
                    line,
                    params={"byte": f"{raw[exc.start]:02x}", "offset": exc.start},
                    form="plan",
                )
            ],
        )
    try:
        root = yaml.compose(text, Loader=_Loader)
        # Aliases and YAML 1.1 numbers are checked on the nodes, before anything is built:
        # a 470-byte alias bomb would otherwise be expanded for ever.
        if root is not None and "*" in text:  # no alias without a '*': nothing to expand
            refused = _alias_findings(root, shown)
            if refused:
                return PlanLoad(path, None, refused)
        # Building the data can fail too: a tag of its own (!percent 90), a list as a key.
        ambiguous: list[yaml.Node] = []
        data = None if root is None else construct(root, ambiguous)
        if ambiguous:
            return PlanLoad(path, None, _number_findings(ambiguous, shown))
    except yaml.MarkedYAMLError as exc:
        return PlanLoad(path, None, [_yaml_error(exc, shown)])
    except yaml.reader.ReaderError as exc:  # a control character written as it is
        return PlanLoad(path, None, [_reader_error(exc, text, shown)])
    except yaml.YAMLError as exc:
        finding = Finding("yaml-syntax", Severity.ERROR, shown, params={"problem": str(exc)})
        return PlanLoad(path, None, [finding])
    if root is None:
        return PlanLoad(path, None, [Finding("empty-plan", Severity.ERROR, shown)])

    findings = _duplicate_keys(root, shown) + _character_findings(root, shown, text)
    if not isinstance(data, dict):
        findings.append(Finding("plan-shape", Severity.ERROR, shown, 1, None, 1))
        return PlanLoad(path, None, findings)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        findings.extend(_validation_findings(exc, root, shown))
        return PlanLoad(path, None, findings)
    for issue in check_plan(plan):
        line, col = _position(root, issue.path)
        params = issue.params
        if issue.other is not None:  # the other place the finding concerns (a clash)
            first_line, first_column = _position(root, issue.other)
            params = {**params, "first_line": first_line, "first_column": first_column}
        findings.append(
            Finding(
                issue.code,
                issue.severity,
                shown,
                line,
                _dotted(issue.path),
                col,
                params=params,
                form=issue.form,
                hint_form=issue.hint_form,
            )
        )
    usable = plan if not any(f.is_error for f in findings) else None
    return PlanLoad(path, usable, findings)


def _reader_error(exc: yaml.reader.ReaderError, text: str, shown: str) -> Finding:
    """A character the YAML reader refuses (a raw BEL, U+FFFE), at its line and column:
    as the one written as an escape (_character_findings). The reader stops at the first
    such character, so its first occurrence in the text is the one (libyaml counts the
    position in bytes, PyYAML in characters: the character itself is the sure guide)."""
    code = exc.character
    char = code if isinstance(code, str) else chr(code)
    at = text.find(char)
    if at < 0:  # pragma: no cover - the reader found it in this very text
        return Finding("yaml-syntax", Severity.ERROR, shown, params={"problem": str(exc)})
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    # the text around the character, within its line
    left, right = max(start, at - 25), min(end, at + 26)
    around = text[left:right].strip()
    shown_text = f"{'…' if left > start else ''}{around}{'…' if right < end else ''}"
    return Finding(
        "plan-schema",
        Severity.ERROR,
        shown,
        text.count("\n", 0, at) + 1,
        column_number=at - start + 1,
        params={"text": shown_text, "char": f"U+{ord(char):04X}"},
        form="control-character",
    )


def _yaml_error(exc: yaml.MarkedYAMLError, shown: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    params: dict[str, Param]
    if isinstance(exc, _Unreadable):
        params = {"value": exc.value, "digits": exc.digits}
        form, hint_form = f"unreadable-{exc.reason}", "unreadable"
    else:
        # PyYAML's own words (English) are the parameters; the Chinese template renders
        # them through plan/yaml_words.py ({problem:yaml-zh}).
        params = {"problem": exc.problem or exc.context or "unreadable YAML"}
        form = ""
        if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
            params |= {"context": exc.context, "context_line": exc.context_mark.line + 1}
            form = "context"
        hint_form = "tag" if isinstance(exc, yaml.constructor.ConstructorError) else ""
    return Finding(
        "yaml-syntax",
        Severity.ERROR,
        shown,
        mark.line + 1 if mark else None,
        column_number=mark.column + 1 if mark else None,
        params=params,
        form=form,
        hint_form=hint_form,
    )


_STR, _INT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"


def construct(root: yaml.Node, ambiguous: list[yaml.Node] | None = None) -> Any:
    """The document as Python data, as PyYAML's safe constructor (with exact decimals)
    builds it. The constructor spends ~4 µs a node in Python; strings, decimal
    integers, lists and mappings without merge keys are built here directly, anything
    else — floats, booleans, dates, nulls, merge keys, other tags — by the constructor.
    Nodes YAML 1.1 alone reads as numbers are built as text and added to ``ambiguous``."""
    constructor = _DecimalConstructor()
    built: dict[int, Any] = {}  # by node: an alias gives the very same object, as in PyYAML

    def build(node: yaml.Node) -> Any:
        if id(node) in built:
            return built[id(node)]
        tag, value = node.tag, node.value
        try:
            if isinstance(node, yaml.ScalarNode) and tag == _STR:
                result: Any = value
            elif (
                isinstance(node, yaml.ScalarNode)
                and tag == _INT
                and value.isdigit()
                and (value[0] != "0" or value == "0")  # YAML 1.1 reads 012 as octal: not here
            ):
                result = int(value)
            elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
                result = [build(child) for child in value]
            elif (
                isinstance(node, yaml.MappingNode)
                and tag == _MAP
                and all(k.tag != _MERGE and isinstance(k, yaml.ScalarNode) for k, _ in value)
            ):
                result = {build(k): build(v) for k, v in value}
            else:
                result = constructor.construct_object(node, deep=True)
        except (ValueError, ArithmeticError) as exc:  # 4,301 digits, 2001-13-45, !!int abc
            raise _unreadable(node, exc) from None
        built[id(node)] = result
        return result

    try:
        data = build(root)
    except RecursionError:  # an anchor used inside itself: the constructor knows how
        constructor = _DecimalConstructor()
        data = constructor.construct_document(root)
    if ambiguous is not None:  # the YAML 1.1-only numbers met (see _YAML11_NUMBER_TAG)
        ambiguous.extend(constructor.ambiguous)
    return data


class _Unreadable(yaml.constructor.ConstructorError):
    """A value the constructor cannot build: a ``yaml-syntax`` finding of form
    ``unreadable`` whose reason is a form of its own (validation/catalogue.py words it)."""

    def __init__(self, node: yaml.Node, value: str, reason: str, digits: int) -> None:
        super().__init__(None, None, f"{value} cannot be read: {reason}", node.start_mark)
        self.value, self.reason, self.digits = value, reason, digits


def _unreadable(node: yaml.Node, exc: Exception) -> yaml.constructor.ConstructorError:
    """A value the constructor cannot build, as a YAML error at the node (not a traceback)."""
    if isinstance(node, yaml.ScalarNode):
        text = str(node.value)
        shown = text if len(text) <= 40 else f"{text[:40]}…"
    else:
        shown = "…"
    if isinstance(exc, ValueError) and "limit" in str(exc) and "digits" in str(exc):
        reason = "digits"
    elif node.tag == "tag:yaml.org,2002:timestamp":
        reason = "date"
    elif node.tag in {_INT, "tag:yaml.org,2002:float"} or isinstance(exc, ArithmeticError):
        reason = "number"
    else:
        reason = "value"
    return _Unreadable(node, shown, reason, sys.get_int_max_str_digits())


MAX_NODES = 100_000  # values in the plan once aliases are expanded (data/plan.yaml: ~2,000)


def _alias_findings(root: yaml.Node, shown: str) -> list[Finding]:
    """An anchor used inside itself, or aliases that expand to more values than the
    larger of MAX_NODES and twice the file's own nodes (a big plan is not a bomb).

    Each node is visited once (an alias is the anchored node itself, reached again), its
    expanded size worked out from its children's: linear in the file, whatever it expands to.
    """
    limit = max(MAX_NODES, 2 * _distinct_nodes(root))
    size: dict[int, int] = {}
    open_nodes: set[int] = set()  # on the path from the root: reaching one again is a loop
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        children = _children(node)
        if children_done:
            open_nodes.discard(id(node))
            size[id(node)] = 1 + sum(size[id(c)] for c in children)
            if size[id(node)] > limit:
                return [
                    Finding(
                        "yaml-alias",
                        Severity.ERROR,
                        shown,
                        node.start_mark.line + 1,
                        column_number=node.start_mark.column + 1,
                        params={"limit": limit},
                        form="bomb",
                    )
                ]
            continue
        if id(node) in size:
            continue
        open_nodes.add(id(node))
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                return [
                    Finding(
                        "yaml-alias",
                        Severity.ERROR,
                        shown,
                        child.start_mark.line + 1,
                        column_number=child.start_mark.column + 1,
                        form="loop",
                    )
                ]
            if id(child) not in size:
                stack.append((child, False))
    return []


def _distinct_nodes(root: yaml.Node) -> int:
    seen = {id(root)}
    stack = [root]
    while stack:
        for child in _children(stack.pop()):
            if id(child) not in seen:
                seen.add(id(child))
                stack.append(child)
    return len(seen)


def _number_findings(nodes: list[yaml.Node], shown: str) -> list[Finding]:
    """Unquoted values that YAML 1.1 reads as numbers and this loader reads as text."""
    out: list[Finding] = []
    for node in {id(n): n for n in nodes}.values():
        tag = _YAML11.resolve(yaml.ScalarNode, node.value, (True, False))
        try:
            number = yaml.constructor.SafeConstructor().construct_object(
                yaml.ScalarNode(tag, node.value)
            )
        except (ValueError, yaml.YAMLError):  # pragma: no cover - the resolver matched it
            number = node.value
        out.append(
            Finding(
                "ambiguous-number",
                Severity.ERROR,
                shown,
                node.start_mark.line + 1,
                column_number=node.start_mark.column + 1,
                params={"value": str(node.value), "reading": str(number)},
            )
        )
    return sorted(out, key=lambda f: (f.line or 0, f.column_number or 0))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def read_plan(path: Path) -> Plan:
    """Load a plan for use, raising :class:`PlanInvalidError` if it has errors."""
    result = load_plan(path)
    if result.plan is None:
        raise PlanHasErrors(path, list(result.errors))
    return result.plan


class PlanHasErrors(PlanInvalidError):
    """The plan file has error findings; nothing is assessed with it."""

    def __init__(self, path: Path, findings: list[object]) -> None:
        self.text = Text("input.plan_invalid", {"path": path, "n": len(findings)})
        super().__init__(self.text.render("en"), findings)


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _resolve(
    root: yaml.Node, path: tuple[str | int, ...], *, at_key: bool = False
) -> tuple[int, int, str]:
    """Line, column and dotted path of the deepest node of ``path`` that exists.

    Parts that match no node are skipped (pydantic adds the union tag, e.g. 'level',
    to its paths), except a last part, which names a missing key. With ``at_key`` the
    position is the key's rather than its value's (for "unknown key" findings).
    """
    node = root
    mark = root.start_mark
    found: list[str | int] = []
    for i, part in enumerate(path):
        child = _child(node, part)
        if child is None:
            if i == len(path) - 1:
                found.append(part)
            continue
        key_node, node = child
        mark = key_node.start_mark if (at_key and key_node is not None) else node.start_mark
        found.append(part)
    return mark.line + 1, mark.column + 1, _dotted(tuple(found))


def _position(root: yaml.Node, path: tuple[str | int, ...]) -> tuple[int, int]:
    line, col, _ = _resolve(root, path)
    return line, col


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """(key node, value node) of a mapping entry or (None, item) of a sequence item."""
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        return (None, node.value[part]) if 0 <= part < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return key, value
    return None


def _character_findings(root: yaml.Node, shown: str, text: str) -> list[Finding]:
    """Every key or value holding a character no report or workbook may hold
    (:mod:`linyi_tracker.characters`): a YAML escape (``"New\x07jobs"``) writes one the
    YAML reader lets through.

    A scalar holds only the text's own characters, line breaks folded to a space or a
    newline, unless a double-quoted escape (a backslash) makes another: a text with
    neither a backslash nor such a character has none in any node, and its nodes are not
    walked (2 ms of every command's start-up, bench/run.py)."""
    if "\\" not in text and unsafe_character(text) is None:
        return []
    return _walk_characters(root, shown)


def _walk_characters(root: yaml.Node, shown: str) -> list[Finding]:
    """:func:`_character_findings`, node by node."""
    out: list[Finding] = []
    seen: set[int] = set()  # an alias is the anchored node again: one finding for it
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            char = unsafe_character(str(node.value))
            if char is not None:
                text = str(node.value)
                out.append(
                    Finding(
                        "plan-schema",
                        Severity.ERROR,
                        shown,
                        node.start_mark.line + 1,
                        _dotted(path) or None,
                        node.start_mark.column + 1,
                        params={"text": text if len(text) <= 60 else f"{text[:60]}…", "char": char},
                        form="control-character",
                    )
                )
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                part = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                stack += [(value, (*path, part)), (key, (*path, part))]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, (*path, i)) for i, child in enumerate(node.value)]
    return sorted(out, key=lambda f: (f.line or 0, f.column_number or 0))


def _duplicate_keys(node: yaml.Node, shown: str) -> list[Finding]:
    out: list[Finding] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in n.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        out.append(
                            Finding(
                                "duplicate-key",
                                Severity.ERROR,
                                shown,
                                key.start_mark.line + 1,
                                str(key.value),
                                key.start_mark.column + 1,
                                params={"key": str(key.value), "first_line": seen[key.value]},
                            )
                        )
                    else:
                        seen[key.value] = key.start_mark.line + 1
                stack.append(value)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return sorted(out, key=lambda f: f.line or 0)


# Pydantic's error types, as a plan-schema message form and its parameters; a model's
# own rules raise PydanticCustomError with a form name as type (plan/models.py).
_MODEL_RULES = frozenset(
    {
        "period-order",
        "data-from",
        "thresholds",
        "unnamed-with-name",
        "project-name",
        "unit-direction",
        "id-characters",
        "range-order",
    }
)


# pydantic's bound errors as a comparison both languages write the same way (≥ 0).
_BOUNDS = {
    "greater_than_equal": ("≥", "ge"),
    "greater_than": (">", "gt"),
    "less_than": ("<", "lt"),
    "less_than_equal": ("≤", "le"),
}


def _choices(expected: object) -> str:
    """pydantic's list of allowed values ("'>=', '>' or '≈'", English) as a list both
    languages read: '>=' / '>' / '≈'."""
    text = str(expected)
    quoted = re.findall(r"'([^']*)'", text)
    items = quoted or [w.strip() for w in re.split(r",| or ", text) if w.strip()]
    return " / ".join(f"'{w}'" for w in items)


def _schema_problem(err: Any) -> tuple[str, dict[str, Param]]:
    kind = err["type"]
    loc = err["loc"]
    got = err.get("input")
    ctx = err.get("ctx") or {}
    name = str(loc[-1]) if loc else "value"
    if isinstance(got, bool):  # as the YAML wrote it, not Python's True
        got = "true" if got else "false"
    if kind in _MODEL_RULES:
        return kind, {k: v for k, v in ctx.items() if isinstance(v, str | int)}
    if kind == "missing":
        return "missing", {"key": name}
    if kind == "extra_forbidden":
        return "extra", {"key": name}
    if kind == "literal_error":
        return "literal", {"value": str(got), "expected": _choices(ctx.get("expected", "?"))}
    if kind == "union_tag_invalid":
        expected = ctx.get("expected_tags", "level, annual, cumulative, milestone, qualitative")
        return "unknown-kind", {"value": str(ctx.get("tag", got)), "expected": _choices(expected)}
    if kind == "union_tag_not_found":
        return "no-kind", {}
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "not-integer", {"value": str(got)}
    if kind in {"decimal_parsing", "decimal_type", "float_parsing"}:
        return "not-number", {"value": str(got)}
    if kind in {"string_type"}:
        return "not-text", {"type": type(got).__name__, "value": str(got)}
    if kind == "list_type":
        return "not-list", {"type": type(got).__name__}
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return "not-mapping", {"type": type(got).__name__}
    if kind in {"string_too_short", "blank"}:
        return "empty", {"key": name}
    if kind in _BOUNDS:
        sign, key = _BOUNDS[kind]
        return "out-of-range", {"value": str(got), "bound": f"{sign} {ctx.get(key, '?')}"}
    if kind == "value_error":
        return "other", {"error": str(ctx.get("error", err["msg"]))}
    return "other", {"error": str(err["msg"])}


def _validation_findings(exc: ValidationError, root: yaml.Node, shown: str) -> list[Finding]:
    out: list[Finding] = []
    for err in exc.errors(include_url=False):
        path = tuple(err["loc"])
        if err["type"] in {"union_tag_invalid", "union_tag_not_found"}:
            path = (*path, "kind")
        line, col, dotted = _resolve(root, path, at_key=err["type"] == "extra_forbidden")
        form, params = _schema_problem(err)
        out.append(
            Finding("plan-schema", Severity.ERROR, shown, line, dotted, col, None, params, form)
        )
    return sorted(out, key=lambda f: (f.line or 0, f.column_number or 0))
