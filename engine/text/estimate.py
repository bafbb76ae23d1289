"""A quick token estimate for text not yet sent, for the context meter.

The exact count needs the model's tokenizer, which lives in the text worker; while the
person types, the GUI needs an instant figure. Byte-pair tokenizers of the models
Airlock runs give about one token per four characters of English and about one per
CJK character, so the estimate counts those two apart. It is shown as approximate.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def estimate_tokens(text: str) -> int:
    """About how many tokens ``text`` is (0 for empty text)."""
    if not text:
        return 0
    cjk = len(_CJK.findall(text))
    rest = len(text) - cjk
    return cjk + (rest + 3) // 4
