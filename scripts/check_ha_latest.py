"""Check the integration's Home Assistant API use against the newest homeassistant wheel.

The tests run on the last Home Assistant release for Python 3.13, while users run the
newest one, which needs a newer Python than this project's. This script downloads
the newest wheel (never installs it), reads its sources with `ast` and reports every
`homeassistant.*` name the integration uses that is missing or deprecated there, plus
a few known deprecated uses (DEPRECATED_USAGE_RULES) that are not names.

Usage: check_ha_latest.py [--version X | --wheel PATH] [--integration DIR]
Exit code: 0 clean, 1 problems found, 2 the wheel could not be obtained or read.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
import re
import subprocess
import sys
import tempfile
import zipfile

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INTEGRATION = REPO_ROOT / "custom_components" / "schoolbag"
# pip reads "3.14" as 3.14.0, and Home Assistant >= 2026.3 requires Python >= 3.14.2:
# asking for a late patch release lets pip consider every release made for 3.14.
DEFAULT_TARGET_PYTHON = "3.14.99"

DEPRECATION_DECORATORS = frozenset(
    {"deprecated_function", "deprecated_class", "deprecated_substitute", "deprecated"}
)
DEPRECATION_WARNINGS = frozenset({"DeprecationWarning", "PendingDeprecationWarning"})
# Home Assistant keeps a deprecated constant X as `_DEPRECATED_X = DeprecatedConstant(...)`
# and serves X through the module's `__getattr__`.
DEPRECATED_CONSTANT_PREFIX = "_DEPRECATED_"
# How many statements at the top of a function may hold the report of its deprecation.
TOP_OF_BODY = 3

# Python 3.14 allows `except A, B:` (PEP 758), which Python 3.13's ast cannot parse; the
# parenthesized form means the same. Rewriting inside a string literal is harmless here.
BARE_EXCEPT_TUPLE = re.compile(r"^(\s*except\*?\s+)(?!\()([^:#\n]+?,[^:#\n]+?)(\s*:)", re.MULTILINE)

MISSING = "MISSING"
DEPRECATED = "DEPRECATED"


@dataclass(frozen=True, order=True)
class Location:
    """A line of the integration, as shown in the report."""

    path: str
    line: int

    def __str__(self) -> str:
        """Return `path:line`."""
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Reference:
    """A dotted homeassistant name the integration uses.

    `alias_target` is set when the reference is an attribute read on an imported name
    (`dr.async_get`): it is then checked only if that name is a module.
    """

    dotted: str
    location: Location
    alias_target: str | None = None


@dataclass(frozen=True, order=True)
class Problem:
    """One line of the report."""

    location: Location
    kind: str
    subject: str
    reason: str = ""

    def __str__(self) -> str:
        """Return the report line."""
        text = f"{self.kind} {self.subject} used in {self.location}"
        return f"{text} ({self.reason})" if self.reason else text


@dataclass(frozen=True)
class SourcePattern:
    """A use in the integration: any `.attribute`, or a `.attribute(keyword=...)` call."""

    attribute: str
    keyword: str | None = None


@dataclass(frozen=True)
class WheelMarker:
    """Where the wheel marks a use as deprecated.

    With `mention` None, the function named `function` is itself deprecated; otherwise
    its body reports a deprecation about `mention` (e.g. one of its keyword arguments).
    """

    files: tuple[str, ...]
    function: str
    mention: str | None = None


@dataclass(frozen=True)
class DeprecatedUsageRule:
    """A deprecated use that is not an importable name, e.g. a keyword argument."""

    description: str
    source: SourcePattern
    marker: WheelMarker


DEPRECATED_USAGE_RULES = (
    DeprecatedUsageRule(
        "FlowHandler.show_advanced_options",
        SourcePattern("show_advanced_options"),
        WheelMarker(
            ("homeassistant/data_entry_flow.py", "homeassistant/config_entries.py"),
            "show_advanced_options",
        ),
    ),
    DeprecatedUsageRule(
        "DeviceRegistry.async_update_device(remove_config_entry_id=...)",
        SourcePattern("async_update_device", keyword="remove_config_entry_id"),
        WheelMarker(
            ("homeassistant/helpers/device_registry.py",),
            "async_update_device",
            mention="remove_config_entry_id",
        ),
    ),
)


@dataclass(frozen=True)
class NameStatus:
    """Whether a module defines a name, and why it is deprecated if it is."""

    found: bool
    deprecation: str | None = None


@dataclass(frozen=True)
class SourceFile:
    """A parsed file of the integration."""

    display_path: str
    tree: ast.Module


@dataclass(frozen=True)
class Report:
    """The outcome of a check."""

    version: str
    names_checked: int
    problems: list[Problem]

    @property
    def exit_code(self) -> int:
        """Return 1 when there is a problem, else 0."""
        return 1 if self.problems else 0

    def lines(self) -> list[str]:
        """Return the text of the report."""
        if not self.problems:
            return [
                f"OK: {self.names_checked} homeassistant names checked against "
                f"homeassistant {self.version}"
            ]
        return [
            f"Checked {self.names_checked} homeassistant names against "
            f"homeassistant {self.version}",
            *(str(problem) for problem in self.problems),
            f"FAILED: {len(self.problems)} problem(s)",
        ]


class DownloadError(Exception):
    """pip could not download the wheel."""


class WheelSourceError(Exception):
    """A source file of the wheel cannot be parsed by this Python."""


# --- Reading the integration ------------------------------------------------------------


def read_integration(integration: Path) -> list[SourceFile]:
    """Parse every Python file of the integration."""
    integration = integration.resolve()
    # Paths are shown from the directory holding custom_components/.
    display_root = integration.parent.parent
    return [
        SourceFile(
            str(path.relative_to(display_root)),
            ast.parse(path.read_text(encoding="utf-8"), filename=str(path)),
        )
        for path in sorted(integration.rglob("*.py"))
    ]


def is_homeassistant(module: str) -> bool:
    """Whether a module name belongs to the homeassistant package."""
    return module == "homeassistant" or module.startswith("homeassistant.")


def import_references(source: SourceFile) -> tuple[dict[str, str], list[Reference]]:
    """Return the file's homeassistant imports, as local bindings and references."""
    bindings: dict[str, str] = {}
    references: list[Reference] = []
    for node in ast.walk(source.tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        location = Location(source.display_path, node.lineno)
        if isinstance(node, ast.Import):
            for alias in node.names:
                if not is_homeassistant(alias.name):
                    continue
                references.append(Reference(alias.name, location))
                if alias.asname:
                    bindings[alias.asname] = alias.name
                else:
                    bindings["homeassistant"] = "homeassistant"
        elif node.level == 0:
            module = node.module or ""
            if not is_homeassistant(module):
                continue
            for alias in node.names:
                if alias.name == "*":
                    references.append(Reference(module, location))
                    continue
                dotted = f"{module}.{alias.name}"
                references.append(Reference(dotted, location))
                bindings[alias.asname or alias.name] = dotted
    return bindings, references


def dotted_chain(node: ast.expr) -> str | None:
    """Return `a.b.c` for an attribute chain on a plain name, else None."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def attribute_references(source: SourceFile, bindings: dict[str, str]) -> list[Reference]:
    """Return the attributes read on imported homeassistant names, like `dr.async_get`."""
    inner_links = {
        id(node.value) for node in ast.walk(source.tree) if isinstance(node, ast.Attribute)
    }
    references: list[Reference] = []
    for node in ast.walk(source.tree):
        if not isinstance(node, ast.Attribute) or id(node) in inner_links:
            continue
        chain = dotted_chain(node)
        if chain is None:
            continue
        root, _, attributes = chain.partition(".")
        if root in bindings:
            references.append(
                Reference(
                    f"{bindings[root]}.{attributes}",
                    Location(source.display_path, node.lineno),
                    alias_target=bindings[root],
                )
            )
    return references


def collect_references(sources: Iterable[SourceFile]) -> list[Reference]:
    """Return every homeassistant name the integration imports or reads on a module."""
    references: list[Reference] = []
    for source in sources:
        bindings, imported = import_references(source)
        references.extend(imported)
        references.extend(attribute_references(source, bindings))
    return references


# --- Reading the wheel ------------------------------------------------------------------


class HomeAssistantWheel:
    """The Python sources of a homeassistant wheel, read without installing it."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        """Index the files of an open wheel."""
        self._archive = archive
        self._files = set(archive.namelist())
        self._directories = {
            str(directory)
            for name in self._files
            if name.endswith(".py")
            for directory in PurePosixPath(name).parents
        }
        self._trees: dict[str, ast.Module | None] = {}

    @property
    def version(self) -> str:
        """Return the version from the wheel's metadata."""
        for name in sorted(self._files):
            if name.endswith(".dist-info/METADATA"):
                for line in self._archive.read(name).decode("utf-8").splitlines():
                    if line.startswith("Version:"):
                        return line.partition(":")[2].strip()
        return "(unknown version)"

    def module_file(self, module: str) -> str | None:
        """Return the file defining a module, None if absent (or a namespace package)."""
        base = module.replace(".", "/")
        for candidate in (f"{base}.py", f"{base}/__init__.py"):
            if candidate in self._files:
                return candidate
        return None

    def has_module(self, module: str) -> bool:
        """Whether the wheel has this module or package."""
        return self.module_file(module) is not None or module.replace(".", "/") in self._directories

    def is_package(self, module: str) -> bool:
        """Whether the module is a package (a directory)."""
        return module.replace(".", "/") in self._directories

    def tree(self, file: str) -> ast.Module | None:
        """Return the parsed file, None if the wheel lacks it."""
        if file not in self._trees:
            self._trees[file] = self._parse(file) if file in self._files else None
        return self._trees[file]

    def _parse(self, file: str) -> ast.Module:
        source = self._archive.read(file).decode("utf-8")
        try:
            return ast.parse(BARE_EXCEPT_TUPLE.sub(r"\1(\2)\3", source), filename=file)
        except SyntaxError as error:
            raise WheelSourceError(
                f"{file}:{error.lineno}: {error.msg} (newer syntax than Python "
                f"{sys.version_info.major}.{sys.version_info.minor} reads?)"
            ) from error

    def module_tree(self, module: str) -> ast.Module | None:
        """Return the parsed module, None if the wheel lacks it."""
        file = self.module_file(module)
        return None if file is None else self.tree(file)


def module_level_statements(statements: Iterable[ast.stmt]) -> Iterator[ast.stmt]:
    """Yield the statements run at import time, inside `if`, `try` and `with` blocks too."""
    for statement in statements:
        yield statement
        if isinstance(statement, ast.If):
            yield from module_level_statements([*statement.body, *statement.orelse])
        elif isinstance(statement, ast.Try | ast.TryStar):
            handlers = [line for handler in statement.handlers for line in handler.body]
            blocks = [*statement.body, *handlers, *statement.orelse, *statement.finalbody]
            yield from module_level_statements(blocks)
        elif isinstance(statement, ast.With):
            yield from module_level_statements(statement.body)


def target_names(target: ast.expr) -> Iterator[str]:
    """Yield the names an assignment target binds."""
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from target_names(element)


def bound_names(statement: ast.stmt) -> Iterator[str]:
    """Yield the module-level names a statement defines."""
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        yield statement.name
    elif isinstance(statement, ast.Assign):
        for target in statement.targets:
            yield from target_names(target)
    elif isinstance(statement, ast.AnnAssign):
        yield from target_names(statement.target)
    elif isinstance(statement, ast.TypeAlias):
        yield statement.name.id
    elif isinstance(statement, ast.Import):
        for alias in statement.names:
            yield alias.asname or alias.name.partition(".")[0]
    elif isinstance(statement, ast.ImportFrom):
        for alias in statement.names:
            if alias.name != "*":
                yield alias.asname or alias.name


def module_definitions(tree: ast.Module) -> dict[str, ast.stmt]:
    """Map each module-level name to the statement defining it first."""
    definitions: dict[str, ast.stmt] = {}
    for statement in module_level_statements(tree.body):
        for name in bound_names(statement):
            definitions.setdefault(name, statement)
    return definitions


def imported_module(wheel: HomeAssistantWheel, module: str, node: ast.ImportFrom) -> str:
    """Return the absolute name of the module a `from ... import` in `module` reads."""
    if node.level == 0:
        return node.module or ""
    package = module.split(".")
    if not wheel.is_package(module):
        package = package[:-1]
    package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, node.module] if node.module else package)


def star_imported_modules(wheel: HomeAssistantWheel, module: str, tree: ast.Module) -> list[str]:
    """Return the modules `module` re-exports with `from x import *`."""
    return [
        imported_module(wheel, module, statement)
        for statement in module_level_statements(tree.body)
        if isinstance(statement, ast.ImportFrom)
        and any(alias.name == "*" for alias in statement.names)
    ]


# --- Recognising deprecations -----------------------------------------------------------


def callee_name(node: ast.expr) -> str | None:
    """Return `f` for `f`, `x.f` and `f(...)` (a decorator factory)."""
    if isinstance(node, ast.Call):
        return callee_name(node.func)
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def source_text(node: ast.expr) -> str:
    """Return a string literal's value, or the source of any other expression."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return ast.unparse(node)


def keyword_text(call: ast.Call, keyword: str) -> str | None:
    """Return the text of a keyword argument of a call, None if not passed."""
    for argument in call.keywords:
        if argument.arg == keyword:
            return source_text(argument.value)
    return None


def describe_deprecation(label: str, call: ast.Call | None, first_argument: str = "") -> str:
    """Return `label: first argument; breaks_in_ha_version=X` with what the call gives."""
    details: list[str] = []
    if call is not None:
        if call.args:
            details.append(first_argument + source_text(call.args[0]))
        breaks_in = keyword_text(call, "breaks_in_ha_version")
        if breaks_in is not None:
            details.append(f"breaks_in_ha_version={breaks_in}")
    return f"{label}: {'; '.join(details)}" if details else label


def decorator_deprecation(decorator: ast.expr) -> str | None:
    """Return why a decorator marks its target deprecated, None if it does not."""
    name = callee_name(decorator)
    if name not in DEPRECATION_DECORATORS:
        return None
    call = decorator if isinstance(decorator, ast.Call) else None
    # deprecated_function and deprecated_class take the replacement first.
    first_argument = "use " if name in {"deprecated_function", "deprecated_class"} else ""
    return describe_deprecation(f"@{name}", call, first_argument)


def warns_deprecation(call: ast.Call) -> bool:
    """Whether a `warnings.warn(...)` call warns with a DeprecationWarning."""
    category = call.args[1] if len(call.args) > 1 else None
    for argument in call.keywords:
        if argument.arg == "category":
            category = argument.value
    return category is not None and callee_name(category) in DEPRECATION_WARNINGS


def deprecation_report(call: ast.Call) -> str | None:
    """Return the reason of a `report_usage(...)` or deprecation warning, None otherwise."""
    name = callee_name(call.func)
    if name == "report_usage":
        return describe_deprecation("report_usage", call)
    if name == "warn" and warns_deprecation(call):
        return describe_deprecation("DeprecationWarning", call)
    return None


def first_deprecation_report(nodes: Iterable[ast.AST]) -> str | None:
    """Return the reason of the first deprecation report among nodes and their children."""
    for node in nodes:
        for child in ast.walk(node):
            if isinstance(child, ast.Call) and (reason := deprecation_report(child)):
                return reason
    return None


def body_without_docstring(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """Return a function's statements after its docstring."""
    body = function.body
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        return body[1:]
    return body


def definition_deprecation(statement: ast.stmt) -> str | None:
    """Return why a function or class is deprecated, None if it is not."""
    if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return None
    for decorator in statement.decorator_list:
        if (reason := decorator_deprecation(decorator)) is not None:
            return reason
    if isinstance(statement, ast.ClassDef):
        return None
    return first_deprecation_report(body_without_docstring(statement)[:TOP_OF_BODY])


def deprecated_constant_reason(statement: ast.stmt) -> str:
    """Describe a `_DEPRECATED_X = DeprecatedConstant(value, replacement, breaks_in)`."""
    value = statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
    if not isinstance(value, ast.Call):
        return "deprecated constant"
    label = callee_name(value.func) or "deprecated constant"
    # DeprecatedConstantEnum(enum, breaks_in): the enum member is the replacement.
    # DeprecatedConstant and DeprecatedAlias take (value, replacement, breaks_in).
    replacement_at, breaks_in_at = (0, 1) if label == "DeprecatedConstantEnum" else (1, 2)
    replacement = positional_text(value, replacement_at)
    breaks_in = keyword_text(value, "breaks_in_ha_version") or positional_text(value, breaks_in_at)
    details = [f"use {replacement}"] if replacement else []
    if breaks_in:
        details.append(f"breaks_in_ha_version={breaks_in}")
    return f"{label}: {'; '.join(details)}" if details else label


def positional_text(call: ast.Call, index: int) -> str | None:
    """Return the text of a positional argument, None if absent or None."""
    if index >= len(call.args):
        return None
    argument = call.args[index]
    if isinstance(argument, ast.Constant) and argument.value is None:
        return None
    return source_text(argument)


# --- Checking names ---------------------------------------------------------------------


def name_status(
    wheel: HomeAssistantWheel,
    module: str,
    name: str,
    seen: frozenset[tuple[str, str]] = frozenset(),
) -> NameStatus:
    """Whether `module` defines `name`, following re-exports to find its deprecation."""
    if (module, name) in seen:
        return NameStatus(found=False)
    seen = seen | {(module, name)}
    tree = wheel.module_tree(module)
    definitions = module_definitions(tree) if tree is not None else {}
    if name in definitions:
        return defined_name_status(wheel, module, name, definitions[name], seen)
    if wheel.has_module(f"{module}.{name}"):
        return NameStatus(found=True)
    if (constant := definitions.get(DEPRECATED_CONSTANT_PREFIX + name)) is not None:
        return NameStatus(found=True, deprecation=deprecated_constant_reason(constant))
    for star_module in star_imported_modules(wheel, module, tree) if tree else []:
        status = name_status(wheel, star_module, name, seen)
        if status.found:
            return status
    return NameStatus(found=False)


def defined_name_status(
    wheel: HomeAssistantWheel,
    module: str,
    name: str,
    statement: ast.stmt,
    seen: frozenset[tuple[str, str]],
) -> NameStatus:
    """Return the status of a name the module defines, looking through re-exports."""
    if isinstance(statement, ast.ImportFrom):
        origin_module = imported_module(wheel, module, statement)
        origin_name = next(
            alias.name for alias in statement.names if (alias.asname or alias.name) == name
        )
        if wheel.has_module(origin_module):
            origin = name_status(wheel, origin_module, origin_name, seen)
            return NameStatus(found=True, deprecation=origin.deprecation)
    return NameStatus(found=True, deprecation=definition_deprecation(statement))


def split_module(wheel: HomeAssistantWheel, dotted: str) -> tuple[str, str | None] | None:
    """Split `a.b.c.d` into the deepest module the wheel has and the name read in it."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        module = ".".join(parts[:end])
        if wheel.has_module(module):
            return module, parts[end] if end < len(parts) else None
    return None


def check_references(
    wheel: HomeAssistantWheel, references: Iterable[Reference]
) -> tuple[int, list[Problem]]:
    """Return how many distinct names were checked, and the problems found."""
    checked: set[str] = set()
    statuses: dict[tuple[str, str], NameStatus] = {}
    problems: list[Problem] = []
    for reference in references:
        if reference.alias_target is not None and not wheel.has_module(reference.alias_target):
            continue  # An attribute of a class or function: out of scope.
        split = split_module(wheel, reference.dotted)
        if split is None:
            checked.add(reference.dotted)
            problems.append(Problem(reference.location, MISSING, reference.dotted))
            continue
        module, name = split
        if name is None:
            checked.add(module)
            continue
        checked.add(f"{module}.{name}")
        if (module, name) not in statuses:
            statuses[module, name] = name_status(wheel, module, name)
        status = statuses[module, name]
        if not status.found:
            problems.append(Problem(reference.location, MISSING, f"{module}.{name}"))
        elif status.deprecation is not None:
            problems.append(
                Problem(reference.location, DEPRECATED, f"{module}.{name}", status.deprecation)
            )
    return len(checked), problems


# --- Checking known deprecated uses -----------------------------------------------------


def pattern_lines(tree: ast.Module, pattern: SourcePattern) -> Iterator[int]:
    """Yield the lines where a file matches a source pattern."""
    for node in ast.walk(tree):
        if pattern.keyword is None:
            if isinstance(node, ast.Attribute) and node.attr == pattern.attribute:
                yield node.lineno
        elif (
            isinstance(node, ast.Call)
            and callee_name(node.func) == pattern.attribute
            and any(argument.arg == pattern.keyword for argument in node.keywords)
        ):
            yield node.lineno


def mention_deprecation(function: ast.FunctionDef | ast.AsyncFunctionDef, word: str) -> str | None:
    """Return a deprecation report in a function that names `word` or is guarded by it."""
    for node in ast.walk(function):
        if isinstance(node, ast.If) and word in ast.unparse(node.test):
            reason = first_deprecation_report(node.body)
        elif isinstance(node, ast.Call) and word in ast.unparse(node):
            reason = deprecation_report(node)
        else:
            continue
        if reason is not None:
            return reason
    return None


def marker_deprecation(wheel: HomeAssistantWheel, marker: WheelMarker) -> str | None:
    """Return why the wheel deprecates what a marker points at, None if it does not."""
    for file in marker.files:
        tree = wheel.tree(file)
        for node in ast.walk(tree) if tree is not None else []:
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if node.name != marker.function:
                continue
            if marker.mention is None:
                reason = definition_deprecation(node)
            else:
                reason = mention_deprecation(node, marker.mention)
            if reason is not None:
                return reason
    return None


def check_usage_rules(
    wheel: HomeAssistantWheel,
    sources: Sequence[SourceFile],
    rules: Iterable[DeprecatedUsageRule] = DEPRECATED_USAGE_RULES,
) -> list[Problem]:
    """Return a problem for each use of what a rule finds deprecated in the wheel."""
    problems: list[Problem] = []
    for rule in rules:
        locations = [
            Location(source.display_path, line)
            for source in sources
            for line in pattern_lines(source.tree, rule.source)
        ]
        if not locations:
            continue
        reason = marker_deprecation(wheel, rule.marker)
        if reason is not None:
            problems.extend(
                Problem(location, DEPRECATED, rule.description, reason) for location in locations
            )
    return problems


# --- Putting it together ----------------------------------------------------------------


def check(wheel_path: Path, integration: Path) -> Report:
    """Check the integration against a homeassistant wheel."""
    sources = read_integration(integration)
    with zipfile.ZipFile(wheel_path) as archive:
        wheel = HomeAssistantWheel(archive)
        names_checked, problems = check_references(wheel, collect_references(sources))
        problems.extend(check_usage_rules(wheel, sources))
        return Report(wheel.version, names_checked, sorted(set(problems)))


def download_wheel(version: str | None, python_version: str, directory: Path) -> Path:
    """Download (never install) the homeassistant wheel into directory."""
    requirement = f"homeassistant=={version}" if version else "homeassistant"
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--python-version",
        python_version,
        "--disable-pip-version-check",
        "-d",
        str(directory),
        requirement,
    ]
    # pip's output is noise (warnings about ignored local indexes) unless it fails.
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise DownloadError(result.stdout + result.stderr)
    wheels = sorted(directory.glob("homeassistant-*.whl"))
    if not wheels:
        raise DownloadError(f"pip downloaded no homeassistant wheel into {directory}")
    return wheels[0]


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--wheel", type=Path, help="an already downloaded homeassistant wheel")
    source.add_argument("--version", help="the homeassistant version to download")
    parser.add_argument(
        "--python-version",
        default=DEFAULT_TARGET_PYTHON,
        help="the Python the wheel must support (default: %(default)s)",
    )
    parser.add_argument(
        "--integration",
        type=Path,
        default=DEFAULT_INTEGRATION,
        help="the integration's directory (default: custom_components/schoolbag)",
    )
    return parser.parse_args(argv)


def print_report(report: Report) -> int:
    """Print a report and return the exit code."""
    print("\n".join(report.lines()))
    return report.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the check; return the exit code."""
    arguments = parse_arguments(argv)
    try:
        if arguments.wheel is not None:
            return print_report(check(arguments.wheel, arguments.integration))
        with tempfile.TemporaryDirectory(prefix="homeassistant-wheel-") as directory:
            wheel = download_wheel(arguments.version, arguments.python_version, Path(directory))
            return print_report(check(wheel, arguments.integration))
    except DownloadError as error:
        print(f"pip download failed:\n{error}", file=sys.stderr)
    except WheelSourceError as error:
        print(f"cannot read the wheel: {error}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
