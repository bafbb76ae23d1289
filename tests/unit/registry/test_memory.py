from engine.registry import gguf
from engine.registry import memory


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


def test_image_memory_grows_with_the_pixels_asked_for():
    from engine.registry.image_families import ACTIVATIONS, estimate_image_bytes
    from engine.registry.memory import GiB, MemoryFit

    meta = {"family": "sd15", "dtype": "F16"}
    weights = 4 * GiB  # 2 GiB of fp16 weights, widened to fp32
    native = estimate_image_bytes(2 * GiB, meta, (512, 512))
    assert native == estimate_image_bytes(2 * GiB, meta) == weights + ACTIVATIONS["sd1"]
    assert estimate_image_bytes(2 * GiB, meta, (1024, 1024)) == weights + 4 * ACTIVATIONS["sd1"]
    assert estimate_image_bytes(2 * GiB, meta, (64, 64)) == weights + ACTIVATIONS["sd1"] // 4
    xl = estimate_image_bytes(2 * GiB, {"family": "sdxl", "dtype": "F16"}, (1024, 1024))
    assert xl == weights + ACTIVATIONS["sdxl"]  # 1024 is SDXL's own size
    fit = MemoryFit(weights + 16 * ACTIVATIONS["sd1"], 8 * GiB, 16 * GiB,
                    advice="choose a size below 2048x2048 or a smaller model")
    assert fit.verdict == "too_big"
    assert fit.message == ("This model needs about 28.0 GiB of memory but this machine has 16.0 GiB; "
                           "choose a size below 2048x2048 or a smaller model.")
