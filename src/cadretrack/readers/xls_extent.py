"""How far the sheets of an .xls (BIFF8 in an OLE compound file) reach, read before calamine.

An .xls sheet reaches at most 65,536 × 256 cells, yet one cell at the far corner makes
calamine hold all 16.7 million of them (a gigabyte and ten seconds for a 6 KB file). The
Workbook stream is walked record by record; every record that places a value (a number,
a label, a formula, a boolean…) counts; blank cells do not, as calamine skips them.
A file this reader cannot follow is left to calamine, which says what is wrong with it.
"""

from __future__ import annotations

import struct

from cadretrack.readers.extent import Extent

FREE, END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
# Records holding a cell value, with (row, column) first: NUMBER, RK, LABELSST, LABEL,
# BOOLERR, FORMULA, RSTRING; MULRK holds a run of columns.
CELL_RECORDS = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x0006, 0x00D6}
MULRK, BOF, EOF_RECORD, BOUNDSHEET = 0x00BD, 0x0809, 0x000A, 0x0085
WORKSHEET = 0x0010


class _Unfollowable(Exception):
    pass


def _chain(fat: list[int], start: int, limit: int) -> list[int]:
    chain, sector = [], start
    while sector not in (END_OF_CHAIN, FREE) and sector < len(fat):
        chain.append(sector)
        if len(chain) > limit:
            raise _Unfollowable("a sector chain that loops")
        sector = fat[sector]
    return chain


def _workbook_stream(data: bytes) -> bytes:
    if len(data) < 512 or data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _Unfollowable("no compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if not 7 <= shift <= 16 or not 2 <= mini_shift < shift:
        raise _Unfollowable("sector size")
    size, mini_size = 1 << shift, 1 << mini_shift
    n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
    cutoff, first_mini_fat, n_mini_fat, first_difat, n_difat = struct.unpack_from("<IIIII", data, 0x38)
    sectors = (len(data) - size) // size + 1

    def sector(index: int) -> bytes:
        offset = (index + 1) * size
        if index >= sectors or offset + size > len(data) + size:
            raise _Unfollowable("a sector past the end")
        return data[offset:offset + size]

    difat = [v for v in struct.unpack_from("<109I", data, 0x4C) if v not in (FREE, END_OF_CHAIN)]
    next_difat, seen = first_difat, 0
    while next_difat not in (FREE, END_OF_CHAIN) and seen < min(n_difat, sectors):
        block = struct.unpack(f"<{size // 4}I", sector(next_difat).ljust(size, b"\0"))
        difat += [v for v in block[:-1] if v not in (FREE, END_OF_CHAIN)]
        next_difat, seen = block[-1], seen + 1
    fat: list[int] = []
    for index in difat[:n_fat]:
        fat += struct.unpack(f"<{size // 4}I", sector(index).ljust(size, b"\0"))

    def stream(start: int, length: int) -> bytes:
        return b"".join(sector(s) for s in _chain(fat, start, sectors))[:length]

    directory = stream(first_dir, sectors * size)
    entries = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
    root = entries[0] if entries else b""
    for entry in entries:
        name_len = struct.unpack_from("<H", entry, 64)[0]
        name = entry[:max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
        if entry[66] != 2 or name not in ("Workbook", "Book"):
            continue
        start, length = struct.unpack_from("<II", entry, 116)
        if length >= cutoff:
            return stream(start, length)
        mini_fat: list[int] = []
        for s in _chain(fat, first_mini_fat, sectors)[:n_mini_fat]:
            mini_fat += struct.unpack(f"<{size // 4}I", sector(s))
        root_start, root_length = struct.unpack_from("<II", root, 116)
        mini = stream(root_start, root_length)
        chain = _chain(mini_fat, start, len(mini) // mini_size + 1)
        return b"".join(mini[s * mini_size:(s + 1) * mini_size] for s in chain)[:length]
    raise _Unfollowable("no Workbook stream")


def _sheet_name(body: bytes) -> tuple[int, str]:
    """(stream position of its BOF, name) of a BOUNDSHEET record."""
    position = struct.unpack_from("<I", body, 0)[0]
    count, flags = body[6], body[7]
    raw = body[8:8 + count * (2 if flags & 1 else 1)]
    return position, raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")


def xls_extents(data: bytes) -> list[tuple[str, Extent]]:
    """(name, reach) of every worksheet of the .xls whose bytes are `data`, in order; []
    when the file cannot be followed (calamine then reads it, or says why it cannot)."""
    try:
        stream = _workbook_stream(data)
    except (_Unfollowable, struct.error, IndexError, ValueError):
        return []
    names: dict[int, str] = {}
    extents: list[tuple[str, Extent]] = []
    current: Extent | None = None
    depth, offset, end = 0, 0, len(stream)
    while offset + 4 <= end:
        start = offset
        kind, length = struct.unpack_from("<HH", stream, offset)
        body = stream[offset + 4:offset + 4 + length]
        offset += 4 + length
        if kind == BOUNDSHEET and len(body) >= 8:
            position, name = _sheet_name(body)
            names[position] = name
        elif kind == BOF:
            depth += 1
            if len(body) >= 4 and struct.unpack_from("<H", body, 2)[0] == WORKSHEET and depth == 1:
                current = Extent()
                extents.append((names.get(start, f"#{len(extents) + 1}"), current))
        elif kind == EOF_RECORD:
            depth = max(0, depth - 1)
            if depth == 0:
                current = None
        elif current is not None and len(body) >= 4 and (kind in CELL_RECORDS or kind == MULRK):
            row, column = struct.unpack_from("<HH", body, 0)
            if kind == MULRK and len(body) >= 6:
                column = struct.unpack_from("<H", body, len(body) - 2)[0]
            current.reach(row, column)
    return extents
