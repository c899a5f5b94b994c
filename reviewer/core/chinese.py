"""Chinese text on the ground floor: Traditional folded to Simplified, and words as
jieba's own dictionary cuts them (no termbase terms added).

:func:`to_simplified` serves the termbase (import, search), the source matcher and the
gloss patterns alike, so none of them depends on another for it. One tokenizer for the
process is shared by the MQM word count and the gloss patterns;
:mod:`reviewer.core.source_matching` keeps another one, with the termbase's terms
added, for finding terms in a source.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

_tokenizer: Any = None
_lock = threading.Lock()
_converter: Any = None
_converter_lock = threading.Lock()


def to_simplified(text: str) -> str:
    """``text`` with Traditional characters folded to Simplified, same length.

    OpenCC converts phrase by phrase; when a conversion would change the length
    (rare), the text is converted character by character instead so that offsets
    (characters into ``text``) stay valid. Thread-safe; OpenCC loads on first use.
    """
    global _converter
    with _converter_lock:
        if _converter is None:
            import opencc

            _converter = opencc.OpenCC("t2s")
        converted = str(_converter.convert(text))
        if len(converted) != len(text):
            converted = "".join(str(_converter.convert(ch)) if len(_converter.convert(ch)) == 1 else ch for ch in text)
    return converted


def plain_words(text: str, hmm: bool = False) -> list[str]:
    """``text`` cut into words by jieba's default dictionary, without the HMM for unknown
    words unless ``hmm`` (so an unknown word falls apart into known pieces or characters):
    ``党风廉政建设`` gives ``["党风", "廉政", "建设"]``. The pieces cover ``text`` in order."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            _tokenizer = jieba.Tokenizer()
            _tokenizer.initialize()
        return list(_tokenizer.cut(text, HMM=hmm))
