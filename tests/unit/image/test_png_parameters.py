"""The A1111 "parameters" text: written the way other tools read it, and read back."""

from __future__ import annotations

from engine.image.png_parameters import a1111_settings, format_parameters, parse_parameters


def test_format_matches_a1111_and_round_trips():
    settings = a1111_settings(steps=20, sampler="Euler a", guidance=7.0, seed=42, width=512, height=768,
                              model_sha256="0123456789abcdef" * 4, model_name="dreamshaper")
    text = format_parameters("a red bicycle, rain", "blurry", settings)
    assert text == ("a red bicycle, rain\nNegative prompt: blurry\n"
                    "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x768, "
                    "Model hash: 0123456789, Model: dreamshaper")
    parsed = parse_parameters(text)
    assert parsed["prompt"] == "a red bicycle, rain" and parsed["negative"] == "blurry"
    assert parsed["Steps"] == "20" and parsed["Sampler"] == "Euler a" and parsed["CFG scale"] == "7"
    assert parsed["Seed"] == "42" and parsed["Size"] == "512x768" and parsed["Model hash"] == "0123456789"


def test_awkward_values_are_quoted_and_multiline_prompts_survive():
    settings = a1111_settings(steps=4, sampler="DPM++ 2M Karras", guidance=1.5, seed=7, width=64, height=64,
                              model_sha256="f" * 64, model_name='odd, "name": v2', strength=0.6)
    text = format_parameters("line one\n品牌調性 line two", "", settings)
    assert "Negative prompt" not in text and 'Model: "odd, \\"name\\": v2"' in text
    parsed = parse_parameters(text)
    assert parsed["prompt"] == "line one\n品牌調性 line two" and parsed["negative"] == ""
    assert parsed["Model"] == 'odd, "name": v2' and parsed["Denoising strength"] == "0.6"
    assert parsed["CFG scale"] == "1.5" and parsed["Sampler"] == "DPM++ 2M Karras"


def test_text_without_settings_is_all_prompt():
    assert parse_parameters("just a prompt") == {"prompt": "just a prompt", "negative": ""}


def test_record_parameters_rebuild_the_png_text_from_a_history_record():
    from engine.image.png_parameters import record_parameters

    record = {"prompt": "a red fox", "seed": 42, "width": 512, "height": 768, "model": "sd-turbo",
              "model_sha256": "abcdef0123456789", "params": {"steps": 4, "scheduler": "Euler a", "guidance": 0,
                                                              "negative": "blurry", "strength": None}}
    text = record_parameters(record)
    assert text.splitlines()[0] == "a red fox" and "Negative prompt: blurry" in text
    parsed = parse_parameters(text)
    assert parsed["prompt"] == "a red fox" and parsed["negative"] == "blurry"
    assert parsed["Seed"] == "42" and parsed["Size"] == "512x768" and parsed["Sampler"] == "Euler a"
    assert parsed["Model hash"] == "abcdef0123" and "Denoising strength" not in parsed
