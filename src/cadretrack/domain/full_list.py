"""Whether a list imported as the complete list may be: the guard before it ends most of the
province.

A complete list ends every assignment in force that it leaves out. An amending decision
("DANH SÁCH ĐIỀU CHỈNH …", three rows) imported without `--amend` would end all the others:
the province's statuses gone in one command. So, unless the clerk says which it is, a list
imported as complete is refused when its title calls it an amendment (điều chỉnh, bổ sung,
sửa đổi) and it would end anything, or when it would end more than half of the assignments
in force. The clerk answers with `--amend` (an amending decision) or a confirming flag (a
complete new list: a new term, the 2025 reform). One guard for every list that can be
imported whole: assignments, members.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from cadretrack.domain.names import loose_key

# Words of a title that say the list amends another (loose keys: case and accents ignored).
AMENDMENT_WORDS = ("dieu chinh", "bo sung", "sua doi")
_AMENDMENT = re.compile(r"(?<!\w)(?:" + "|".join(AMENDMENT_WORDS) + r")(?!\w)")


class Refusal(NamedTuple):
    key: str  # the message: full_list_amendment or full_list_ends_most
    fields: dict


def amendment_title(titles: Iterable[str]) -> str | None:
    """The first title that calls the list an amendment ("Danh sach bo sung …"), as written."""
    return next((t for t in titles if _AMENDMENT.search(loose_key(t))), None)


def full_list_refusal(in_force: int, ending: int, titles: Iterable[str], *, amend: bool,
                      complete: bool) -> Refusal | None:
    """Why a list imported as complete, that would end `ending` of the `in_force` assignments
    in force on its effective date, must be confirmed first; None when it may go ahead.

    A list that ends nothing does the same whether complete or amending: never refused."""
    if amend or complete or ending <= 0:
        return None
    fields = {"ending": ending, "in_force": in_force}
    title = amendment_title(titles)
    if title is not None:
        return Refusal("full_list_amendment", {**fields, "title": title})
    if 2 * ending > in_force:
        return Refusal("full_list_ends_most", fields)
    return None
