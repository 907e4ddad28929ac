"""The XML inside an Office file, checked before a library parses it.

A Word document never holds a document type declaration: one that does is refused (it
is how an entity bomb, "billion laughs", is built, and how a file reaches outside
itself), and so is XML nested deeper than any document is (3,000 tables inside each
other make lxml give up with an error of its own). Each refusal is one sentence naming
the file; what the parser said is kept for --debug.
"""

from __future__ import annotations

import zipfile
from xml.parsers import expat

from cadretrack.errors import CadretrackError

MAX_DEPTH = 200  # lxml stops at 256; a Word table inside a table costs 3 levels
CHUNK = 1 << 20
XML_SUFFIXES = (".xml", ".rels", ".vml")


class _Refused(Exception):
    def __init__(self, key: str, **fields) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields


def guard_xml(chunks, path: str, member: str, max_depth: int = MAX_DEPTH) -> None:
    """Parse the XML given in byte chunks with expat, keeping no tree: CadretrackError on a
    DTD, an entity declaration, nesting beyond `max_depth` or XML that is not well formed."""
    parser = expat.ParserCreate()
    depth = 0

    def start(_name, _attrs) -> None:
        nonlocal depth
        depth += 1
        if depth > max_depth:
            raise _Refused("file_xml_too_deep", depth=max_depth)

    def end(_name) -> None:
        nonlocal depth
        depth -= 1

    def doctype(*_args) -> None:
        raise _Refused("file_xml_dtd")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ExternalEntityRefHandler = lambda *_a: 0
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Refused as exc:
        raise CadretrackError(exc.key, path=path, member=member, **exc.fields) from None
    except expat.ExpatError as exc:
        raise CadretrackError("file_unreadable", path=path, member=member, reason=f"{member}: {exc}"[:200]) from None
    except RecursionError:
        raise CadretrackError("file_xml_too_deep", path=path, member=member, depth=max_depth) from None


def guard_archive_xml(archive: zipfile.ZipFile, path: str) -> None:
    """Every XML part of an Office file (a .docx) passes guard_xml."""
    for info in archive.infolist():
        if info.is_dir() or not info.filename.lower().endswith(XML_SUFFIXES):
            continue
        try:
            with archive.open(info) as fh:
                guard_xml(iter(lambda: fh.read(CHUNK), b""), path, info.filename)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, NotImplementedError) as exc:
            raise CadretrackError("file_unreadable", path=path, reason=str(exc)[:200]) from None
