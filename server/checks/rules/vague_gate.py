"""The vague rule's gate: may any judgement pattern match an ASCII text? Told from its words alone.

Most English reviews hold no judgement; :class:`AsciiGate` proves that from the bits of the runs its
words hold (kept per word, OR-ed over the text's tokens by the pipeline's token gate, see
:func:`.vague.token_test`) before the rule pays for the text's literal bits, its concreteness and the
kinds' searches (see :func:`.vague.find`).
"""
from __future__ import annotations

import functools
import operator
import re

from .. import prefilter
from ..alternatives import TokenCache

# Letters and digits joined by the characters a word may hold inside it (document._WORD, ASCII only).
_RUN = re.compile(r"[a-z0-9]+(?:[*#@$%.'_-]+[a-z0-9]+)*")


def _ascii_folds_to_lower() -> bool:
    """Does :func:`..prefilter.fold` give every ASCII text its lower case (so :func:`_fast` applies)?
    It lowers, then maps only the characters of its table (İ aside, which is not ASCII)."""
    table, special = prefilter._fold_table()
    return all(c > 127 for c in table) and not any(special.search(chr(c)) for c in range(128))


class AsciiGate:
    """Can any kind's alternative be live (:meth:`..alternatives.Alternatives._live`) in an ASCII text
    whose folded form is its lower case? Told from its words' run bits, with no pass over the text.

    Live means: for each of the alternative's literal sets, a whitespace-free token of the folded text
    holds the *piece* (``LiteralIndex``: the literal's longest whitespace-free part) of one of its
    literals. In an ASCII text a non-ASCII piece is nowhere (that literal never counts); an ASCII
    piece holds its longest *run* of [a-z0-9] letters joined by the characters the word pattern takes
    inside a word (``so-so``, ``don't``), and such a run found in the lowered text lies whole in one
    word of ``doc.vocabulary`` (the word pattern's letters are [^\\W_], in ASCII [A-Za-z0-9], taken
    greedily, and a word goes on past those characters when a letter follows; an ASCII word folds to
    its lower case). So: no vocabulary word holding a run of each of an
    alternative's sets, no live alternative, no match. A set with a piece-less or run-less literal, or
    no literal, always counts (as in the index); an alternative with no other set disables the gate."""

    def __init__(self, alternatives):
        bit: dict[str, int] = {}
        self.needs: list[list[int]] = []  # per alternative, per set that can fail: the bits of its runs
        self.usable = _ascii_folds_to_lower()  # else no gate
        for a in alternatives:
            masks, possible = [], True
            for literals in a.needs:
                mask, always = 0, not literals
                for literal in literals:
                    piece = max(literal.split(), key=len, default="")
                    if not piece.isascii():
                        continue  # never in an ASCII text
                    run = max(_RUN.findall(piece), key=len, default="")
                    if not run:
                        always = True
                        break
                    mask |= bit.setdefault(run, 1 << len(bit))
                if always:
                    continue
                if not mask:
                    possible = False  # a set none of whose literals an ASCII text holds
                    break
                masks.append(mask)
            if possible:
                if not masks:
                    self.usable = False
                self.needs.append(masks)
        self.runs = tuple(bit.items())
        # Each alternative filed under the bits of one of its sets (the one of longest shortest run,
        # rarer in texts): an alternative whose filed set the text misses is not live.
        length = {b: len(run) for run, b in self.runs}
        self.filed: dict[int, list[list[int]]] = {}
        for masks in self.needs:
            if masks:
                key = max(masks, key=lambda m: min(length[1 << i] for i in range(m.bit_length()) if m >> i & 1))
                for i in range(key.bit_length()):
                    if key >> i & 1:
                        self.filed.setdefault(1 << i, []).append(masks)
        self.keys = functools.reduce(operator.or_, self.filed, 0)
        # word -> the bits of the runs it holds: a fact about a word, not about a text; bounded.
        self.words = TokenCache(self._scan)

    def _scan(self, word: str) -> int:
        bits = 0
        for run, b in self.runs:
            if run in word:
                bits |= b
        return bits

    def live(self, present: int) -> bool:
        """May an alternative be live in a text whose words' run bits, OR-ed, are ``present``?"""
        keys = present & self.keys
        while keys:
            low = keys & -keys
            for masks in self.filed[low]:
                if all(mask & present for mask in masks):
                    return True
            keys ^= low
        return False
