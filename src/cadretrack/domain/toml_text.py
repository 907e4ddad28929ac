"""A rules file's TOML text, read for what tomllib does not say: on which line each key
stands, and how deep its brackets nest, each in one pass over the text.

tomllib recurses once per level of nested arrays or inline tables: 5,000 levels raise
RecursionError. `nesting_too_deep` finds the first line going deeper than any rules
file does, before tomllib is asked. `key_lines` reads each line once, token by token
(no pattern that can backtrack over a long line: a 200 KB line took 266 s with one).
"""

from __future__ import annotations

import re

MAX_NESTING = 50  # a rules file nests two or three levels

# One token at a time; each alternative is linear in what it consumes, and a quote that
# opens no string fails only once (every other quote closes the one before it).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_\-]+|\s+|.', re.DOTALL)


def nesting_too_deep(text: str, limit: int = MAX_NESTING) -> int | None:
    """The line at which `[`/`{` outside strings and comments first nest deeper than
    `limit`; None when they never do."""
    depth, line, i, n = 0, 1, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
        elif ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif ch in "\"'":
            triple = text.startswith(ch * 3, i)
            quote = ch * 3 if triple else ch
            j = i + len(quote)
            while j < n:
                if text[j] == "\\" and ch == '"':
                    j += 2
                    continue
                if text.startswith(quote, j) or (not triple and text[j] == "\n"):
                    break
                j += 1
            line += text.count("\n", i, j)
            i = j + (len(quote) if text.startswith(quote, j) else 0)
            continue
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return line
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return None


def table_header(line: str) -> str | None:
    """The table name of a `[table]` or `[[array.of.tables]]` line, else None."""
    if not (line.startswith("[") and line.endswith("]")):
        return None
    inner = line[2:] if line.startswith("[[") else line[1:]
    inner = inner[:-2] if inner.endswith("]]") else inner[:-1]
    inner = inner.strip()
    if not inner or "]" in inner:
        return None
    return ".".join(part.strip().strip('"') for part in inner.split("."))


def _keys(line: str) -> list[str]:
    """The line's own key (it starts the line, `=` follows it), then the keys of an inline
    table after it; [] when the line starts with no key (a value running over lines)."""
    tokens = (m.group() for m in _TOKEN.finditer(line))
    first = _key(next(tokens, ""))
    if first is None:
        return []
    token = next(tokens, "")
    while token[:1].isspace():
        token = next(tokens, "")
    if token != "=":
        return []
    keys, pending = [first], None
    for token in tokens:
        if token == "=":
            if pending is not None:
                keys.append(pending)
            pending = None
        elif not token[:1].isspace():
            pending = _key(token)
    return keys


def _key(token: str) -> str | None:
    """The key a token spells (bare, or in double quotes), else None."""
    if len(token) > 1 and token[0] == '"' and token.endswith('"'):
        return token[1:-1]
    if token and (token[0].isascii() and (token[0].isalnum() or token[0] in "_-")):
        return token
    return None


def key_lines(text: str) -> dict[tuple[str, str], int]:
    """(table, key) -> line of every `key = value` in TOML text, and (table, "") -> the line
    of each table's header, so that a problem is reported where the clerk wrote it."""
    lines: dict[tuple[str, str], int] = {}
    table = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        header = table_header(line)
        if header is not None:
            table = header
            lines.setdefault((table, ""), number)
            continue
        keys = _keys(line)
        if not keys:
            continue
        name = keys[0]
        lines.setdefault((table, name), number)
        for inner in keys[1:]:  # keys of an inline table
            lines.setdefault((f"{table}.{name}" if table else name, inner), number)
    return lines


def line_key(line: str) -> str | None:
    """The key a `key = value` line starts with, else None."""
    keys = _keys(line.split("#", 1)[0].strip())
    return keys[0] if keys else None
