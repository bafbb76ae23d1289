from engine import gguf, memory


def test_kv_cache_size_follows_the_model_shape(smollm2):
    meta = gguf.read_gguf(smollm2).metadata
    # 30 layers x 3 KV heads x (64 + 64) dims x 2 bytes per token of context
    assert memory.kv_cache_bytes(meta, 2048) == 30 * 2048 * 3 * 128 * 2
    assert memory.kv_cache_bytes(meta, 4096) == 2 * memory.kv_cache_bytes(meta, 2048)


def test_estimate_grows_with_context_and_includes_weights(smollm2):
    meta = gguf.read_gguf(smollm2).metadata
    size = smollm2.stat().st_size
    small = memory.estimate_text_bytes(size, meta, 1024)
    large = memory.estimate_text_bytes(size, meta, 8192)
    assert size < small < large


def test_verdicts():
    fit = memory.MemoryFit(needed_bytes=10, available_bytes=100, total_bytes=200)
    assert fit.verdict == "fits"
    assert memory.MemoryFit(150, 100, 200).verdict == "tight"
    too_big = memory.MemoryFit(300 * memory.GiB, 10 * memory.GiB, 24 * memory.GiB)
    assert too_big.verdict == "too_big" and "300.0 GiB" in too_big.message
