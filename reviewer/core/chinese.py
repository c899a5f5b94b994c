"""Chinese words as jieba's own dictionary cuts them (no termbase terms added).

One tokenizer for the process, shared by the MQM word count and the gloss patterns;
:mod:`reviewer.core.source_matching` keeps another one, with the termbase's terms
added, for finding terms in a source.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

_tokenizer: Any = None
_lock = threading.Lock()


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
