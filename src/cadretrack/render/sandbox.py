"""The Jinja environment a docx template renders in: it fills fields, nothing more.

A template arrives by mail from another office. It renders in Jinja's immutable sandbox
(no attribute that reaches Python's insides, no call that changes the data) with bounded
work: `range` is small, every loop step and call counts against one budget, and what the
template can emit (its text repeated by loops, the values it outputs, strings and lists it
builds with `*`, `+`, `~`, `**`) is bounded, so that neither an endless loop nor a
multiplication of text can hang the command or fill the memory. Values stay literal
text (autoescape, as docxtpl's documents need)."""

from __future__ import annotations

import datetime as dt
import math
import re

from jinja2 import Undefined, nodes
from jinja2.compiler import CodeGenerator
from jinja2.environment import Template
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_RANGE = 10_000  # items of one range()
MAX_STEPS = 2_000_000  # loop steps and calls of one document
MAX_VALUE = 1_000_000  # characters (or items) of one value a template builds
MAX_OUTPUT = 100_000_000  # characters a document's template may emit, all parts together
MAX_POWER_BITS = 256

# Filters that make long text from short (center(10**9), indent, wordwrap, format's widths,
# replace) are not offered; the rest shorten, pick or join what is there.
# `slice(10**9)` loops a billion times inside the filter.
_AMPLIFYING_FILTERS = {"center", "indent", "wordwrap", "format", "replace", "filesizeformat", "slice"}
_PRINTF_WIDTH = re.compile(r"%[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")
MAX_WIDTH = 1_000
# Methods of values a template may call: reading ones that cannot grow text much.
_SAFE_METHODS = {
    "upper", "lower", "title", "capitalize", "strip", "lstrip", "rstrip", "startswith", "endswith",
    "split", "isdigit", "items", "keys", "values", "get", "count", "index",
}


_PRINTABLE = (int, float, dt.date, type(None), Undefined)  # besides text (str, Markup)


def _printable(value, depth: int = 0) -> bool:
    """Data a field may hold: text, numbers, dates, nothing, or a list of them."""
    if isinstance(value, (str, *_PRINTABLE)):
        return True
    return isinstance(value, (list, tuple)) and depth < 3 and all(_printable(v, depth + 1) for v in value)


def _no_attr(*_args):
    raise SecurityError("attr looks up an attribute by a computed name")


class TemplateLimit(SecurityError):
    """The template asked for more work or text than a document needs."""


class _BoundedCode(CodeGenerator):
    """Compiles every loop to count its steps (and the template text it repeats), every
    `~` to bound what it joins; recursive loops are refused."""

    def visit_For(self, node: nodes.For, frame) -> None:
        if node.recursive:
            raise TemplateLimit("recursive loops are not allowed in a template")
        weight = sum(len(n.data) for n in node.find_all(nodes.TemplateData)) + sum(
            len(n.value) for n in node.find_all(nodes.Const) if isinstance(n.value, str))
        node.iter = nodes.Call(nodes.EnvironmentAttribute("bounded_loop"),
                               [node.iter, nodes.Const(weight)], [], None, None, lineno=node.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        self.write("environment.bounded_value(")
        super().visit_Concat(node, frame)
        self.write(")")


class _BoundedTemplate(Template):
    """Rendered piece by piece, the whole refused once it grows past the limit."""

    def render(self, *args, **kwargs) -> str:
        out: list[str] = []
        for chunk in self.generate(*args, **kwargs):
            self.environment.emitted(len(chunk))
            out.append(chunk)
        return "".join(out)


class TemplateEnvironment(ImmutableSandboxedEnvironment):
    """One per document: its budgets count the work of all the document's parts."""

    code_generator_class = _BoundedCode
    template_class = _BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self) -> None:
        super().__init__(autoescape=True, finalize=self._finalize)
        self.steps = 0
        self.output = 0
        self._compiled: dict[str, object] = {}  # one template's parts, compiled once for every letter
        # A template fills in fields: no helper objects to print or explore (dict, namespace,
        # cycler, joiner), no attribute looked up by a computed name.
        self.globals = {"range": self.bounded_range}
        for name in _AMPLIFYING_FILTERS:
            self.filters.pop(name, None)
        self.filters["attr"] = _no_attr

    def begin(self) -> "TemplateEnvironment":
        """A new document: its own budgets (the compiled parts are kept)."""
        self.steps = self.output = 0
        return self

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        code = self._compiled.get(source)
        if code is None:
            code = self._compiled[source] = self.compile(source)
        return self.template_class.from_code(self, code, self.make_globals(None))

    # -- budgets
    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise TemplateLimit("the template loops or calls too long")

    def emitted(self, chars: int) -> None:
        self.output += chars
        if self.output > MAX_OUTPUT:
            raise TemplateLimit("the template writes too much text")

    def bounded_loop(self, iterable, weight: int = 0):
        if isinstance(iterable, (str, bytes)) and len(iterable) > MAX_VALUE:
            raise TemplateLimit("a loop over too long a value")
        for item in iterable:
            self.step()
            self.emitted(weight)
            yield item

    def bounded_value(self, value):
        if isinstance(value, (str, list, tuple)) and len(value) > MAX_VALUE:
            raise TemplateLimit("the template builds too long a value")
        return value

    def bounded_range(self, *args):
        span = range(*args)
        if len(span) > MAX_RANGE:
            raise TemplateLimit(f"range() of more than {MAX_RANGE} items")
        return span

    def _finalize(self, value):
        """What a tag prints: a field's value (text, a number, a date, nothing), never an
        object of the engine's or of Python's (a template reference, a class, a mapping)."""
        if isinstance(value, str):
            self.emitted(len(value))
        elif not _printable(value):
            raise SecurityError(f"the template prints a {type(value).__name__}, which is no field")
        return value

    # -- the sandbox's hooks
    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        __self.step()
        return __self.bounded_value(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and right * math.log2(abs(left)) > MAX_POWER_BITS:
                raise TemplateLimit("too large a power")
        if operator == "%" and isinstance(left, str):  # printf widths: '%999999999d' % 1
            for width in _PRINTF_WIDTH.finditer(left):
                if any(w == "*" or (w and int(w) > MAX_WIDTH) for w in width.groups()):
                    raise TemplateLimit("too wide a format")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_VALUE:
                    raise TemplateLimit("the template builds too long a value")
        return self.bounded_value(super().call_binop(context, operator, left, right))

    def is_safe_attribute(self, obj, attr: str, value) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if callable(value) and isinstance(obj, (str, bytes, dict, list, tuple, int, float)):
            return attr in _SAFE_METHODS
        return True
