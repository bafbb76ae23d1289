"""The text form of `airlock bench image` (the measuring itself runs in the benchmark)."""

from __future__ import annotations

from engine.bench.image import format_image_report


def test_report_lines_show_both_sides_the_ratio_and_each_variant():
    side = {"seconds": {"1": 28.5, "4": 63.7}, "s_per_step": 11.73, "s_per_step_runs": [11.73],
            "s_per_step_intervals": 11.98}
    report = {
        "model": "SD 1.5, random weights", "size": "512x512", "steps": [1, 4], "scheduler": "Euler",
        "guidance": 7.5, "threads": 2, "torch": "2.13.0+cpu", "runs": 1, "raw": side,
        "engine": {**side, "s_per_step": 12.0, "s_per_step_intervals": None, "device": "CPU"},
        "ratio": {"speed_per_step": 0.9775, "speed_per_step_intervals": None, "speed_total": 0.99},
        "engine_vs_raw_fidelity": {"psnr_db": None, "identical": True, "ssim": 1.0},
        "variants": {
            "fp32_eager": {"seconds": 63.7, "s_per_step": 11.98, "speedup_per_step": 1.0},
            "bf16_autocast_channels_last": {"seconds": 33.3, "s_per_step": 6.42, "speedup_per_step": 1.87,
                                            "psnr_db": 46.35, "identical": False, "ssim": 0.999},
            "torch_compile": {"skipped": "not tried (--no-compile)"},
            "openvino_bf16": {"seconds": 30.1, "s_per_step": 4.6, "speedup_per_step": 2.6, "psnr_db": 40.2,
                              "identical": False, "ssim": 0.998, "convert_seconds": 81.4, "openvino": "2026.4.1"},
        },
    }
    text = format_image_report(report)
    assert "engine/raw speed per step 0.978" in text and "identical pixels" in text
    assert "6.42 s/step, x1.87, PSNR 46.4 dB, SSIM 0.9990" in text
    assert "torch_compile                  skipped: not tried (--no-compile)" in text
    assert "4.60 s/step, x2.60, PSNR 40.2 dB, SSIM 0.9980, convert 81 s (OpenVINO 2026.4.1)" in text
