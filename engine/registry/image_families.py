"""What an image model is, told from its files alone: family, prediction type, safety.

Airlock loads Stable Diffusion 1.x, 2.x and XL models (and their Turbo variants) as
single ``.safetensors`` checkpoints in the original (LDM) layout, or as diffusers
folders of safetensors. This module answers, without torch and without loading any
weights, the questions the registry asks at import time:

- is it safe (no pickle weights anywhere) and complete (no truncated tensor data)?
- which family is it, so that the right bundled diffusers configs
  (``resources/diffusers/<family>/``) can turn a single file into a pipeline offline?
- does it predict noise (epsilon) or velocity (v)? SD 2.x 768 models predict v and
  give garbage when run as epsilon, and their weights do not say so explicitly.

Single files are told apart by their tensor names (SD 1.x keeps OpenAI CLIP under
``cond_stage_model.transformer``, SD 2.x OpenCLIP under ``cond_stage_model.model``, SDXL
two encoders under ``conditioner.embedders``) and checked against the family's sizes
(the cross-attention width: 768, 1024, 2048). A checkpoint whose sizes differ from its
family's published ones can still be imported with a config folder of its own.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from engine import paths

from engine.registry import safetensors_header
from engine.errors import BadInput
from engine.registry.hashing import tree_files

PICKLE_SUFFIXES = frozenset({".ckpt", ".pt", ".pth", ".bin", ".pkl", ".pickle"})
RESOURCES = paths.RESOURCES / "diffusers"
CLIP_BPE = RESOURCES / "clip-bpe"
PREDICTIONS = ("epsilon", "v_prediction")
PRESETS = ("standard", "turbo", "lcm")

UNET = "model.diffusion_model."
VAE = "first_stage_model."
SD1_TEXT = "cond_stage_model.transformer."
SD2_TEXT = "cond_stage_model.model."
XL_TEXT_1 = "conditioner.embedders.0.transformer."
XL_TEXT_2 = "conditioner.embedders.1.model."
XL_REFINER_TEXT = "conditioner.embedders.0.model."
CROSS_ATTENTION_KEYS = (  # the first cross-attention projection: its input width is the text width
    "model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight",  # SD 1.x / 2.x
    "model.diffusion_model.input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight",  # SDXL
)
V_PRED_PROBE = "model.diffusion_model.output_blocks.11.1.transformer_blocks.0.norm1.bias"
V_PRED_STD = 0.09
"""SD 2.x v-models leave this layer-norm bias far wider spread than epsilon models do
(std about 0.2 against 0.05 in the published checkpoints); ComfyUI tells them apart the
same way (comfy/supported_models.py, SD20.model_type)."""


@dataclass(frozen=True)
class ImageFamily:
    name: str  # also the folder of its bundled configs
    label: str
    generation: str  # "sd1", "sd2" or "sdxl": the architecture
    size: int  # the resolution it was trained for
    prediction: str
    turbo: bool = False

    @property
    def xl(self) -> bool:
        return self.generation == "sdxl"

    @property
    def config_dir(self) -> Path:
        return RESOURCES / self.name


FAMILIES: dict[str, ImageFamily] = {f.name: f for f in (
    ImageFamily("sd15", "Stable Diffusion 1.x", "sd1", 512, "epsilon"),
    ImageFamily("sd2", "Stable Diffusion 2.x (512, epsilon)", "sd2", 512, "epsilon"),
    ImageFamily("sd2-v", "Stable Diffusion 2.x (768, v-prediction)", "sd2", 768, "v_prediction"),
    ImageFamily("sd-turbo", "SD-Turbo", "sd2", 512, "epsilon", turbo=True),
    ImageFamily("sdxl", "Stable Diffusion XL", "sdxl", 1024, "epsilon"),
    ImageFamily("sdxl-turbo", "SDXL-Turbo", "sdxl", 512, "epsilon", turbo=True),
)}
CROSS_ATTENTION = {"sd1": 768, "sd2": 1024, "sdxl": 2048}
PIPELINES = {"StableDiffusionPipeline": "sd", "StableDiffusionImg2ImgPipeline": "sd",
             "StableDiffusionXLPipeline": "sdxl", "StableDiffusionXLImg2ImgPipeline": "sdxl"}
MODEL_COMPONENTS = {"sd": ("unet", "vae", "text_encoder"),
                    "sdxl": ("unet", "vae", "text_encoder", "text_encoder_2")}


@dataclass(frozen=True)
class ImageModelInfo:
    """What the registry records about an image model (the ``metadata`` of its row)."""

    format: str  # "safetensors" (one checkpoint) or "diffusers" (a folder)
    family: str
    prediction: str
    prediction_source: str  # how the prediction type was decided, for the record
    preset: str  # the generation preset that suits it: standard, turbo or lcm
    standard: bool  # its sizes match the family's published ones
    dtype: str | None
    tensor_count: int
    config_dir: str | None = None  # a user-supplied config folder for a non-standard checkpoint
    variant: str | None = None  # a diffusers weight variant ("fp16") when only that is present
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def family_info(self) -> ImageFamily:
        return FAMILIES[self.family]

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data["notes"] = list(self.notes)
        data["label"] = self.family_info.label
        data["generation"] = self.family_info.generation
        return data


def is_diffusers_folder(path: Path) -> bool:
    return path.is_dir() and (path / "model_index.json").is_file()


def check_family_option(family: str | None) -> ImageFamily | None:
    if family is None:
        return None
    if family not in FAMILIES:
        raise BadInput(f"Unknown image model family '{family}' (use one of: {', '.join(FAMILIES)}).")
    return FAMILIES[family]


def check_prediction_option(prediction: str | None) -> str | None:
    if prediction is None:
        return None
    aliases = {"eps": "epsilon", "epsilon": "epsilon", "v": "v_prediction", "v_prediction": "v_prediction",
               "v-prediction": "v_prediction"}
    if prediction not in aliases:
        raise BadInput(f"Unknown prediction type '{prediction}' (use epsilon or v).")
    return aliases[prediction]


# single checkpoints ----------------------------------------------------------------------


def inspect_checkpoint(path: Path, *, family: str | None = None, prediction: str | None = None,
                       config_dir: Path | None = None) -> ImageModelInfo:
    """Read a ``.safetensors`` checkpoint's header and say what it is; refuse what cannot load."""
    return classify_checkpoint(path, safetensors_header.read_header(path), family=family,
                               prediction=prediction, config_dir=config_dir)


def classify_checkpoint(path: Path, header: safetensors_header.SafetensorsHeader, *, family: str | None = None,
                        prediction: str | None = None, config_dir: Path | None = None) -> ImageModelInfo:
    """Say what a checkpoint with this header is (``path`` is read only for the v-prediction probe)."""
    generation = _generation(path.name, header)
    width = _cross_attention_width(header)
    standard = width == CROSS_ATTENTION[generation]
    chosen = check_family_option(family)
    if chosen is not None and chosen.generation != generation:
        raise BadInput(f"{path.name} is a {FAMILIES[_default_family(generation)].label} checkpoint, "
                       f"not {chosen.label}; leave out --family or choose a matching one.")
    notes: list[str] = []
    if config_dir is not None:
        _check_config_dir(config_dir, "sdxl" if generation == "sdxl" else "sd")
    elif not standard:
        raise BadInput(
            f"{path.name} has the layout of {FAMILIES[_default_family(generation)].label} but not its sizes "
            f"(text width {width}, expected {CROSS_ATTENTION[generation]}); import it with --config DIR "
            "pointing at a diffusers folder of matching configs.")
    turbo = "turbo" in path.name.lower() or "turbo" in header.metadata.get("modelspec.architecture", "").lower()
    predicted, source = _prediction(path, header, generation, prediction)
    if chosen is None:
        chosen = _choose_family(generation, predicted, turbo)
    if (prediction is None and source not in ("metadata", "marker tensor")
            and (family is not None or chosen.turbo)):
        predicted, source = chosen.prediction, "family"
    if chosen.generation == "sd2" and source.startswith("weights"):
        notes.append(f"Prediction type {predicted} was inferred from the weights; "
                     "if images look wrong, import it again with --prediction.")
    return ImageModelInfo(
        format="safetensors", family=chosen.name, prediction=predicted, prediction_source=source,
        preset=_preset(path.name, chosen), standard=standard, dtype=header.main_dtype,
        tensor_count=len(header.tensors), config_dir=str(config_dir) if config_dir else None,
        notes=tuple(notes),
    )


def _generation(filename: str, header: safetensors_header.SafetensorsHeader) -> str:
    if not header.has_prefix(UNET):
        if header.has_prefix("lora_unet_") or header.has_prefix("lora_te") or any(
                ".lora_" in name or "lora_down" in name for name in list(header.tensors)[:200]):
            raise BadInput(f"{filename} is a LoRA, not a full model; Airlock cannot load LoRAs yet.")
        if header.has_prefix("down_blocks.") or header.has_prefix("encoder.down_blocks."):
            raise BadInput(f"{filename} holds a single diffusers component, not a full model; "
                           "import the whole diffusers folder instead.")
        raise BadInput(f"{filename} is not a Stable Diffusion checkpoint (no UNet weights found).")
    if header.has_prefix(XL_REFINER_TEXT) and not header.has_prefix(XL_TEXT_2):
        raise BadInput(f"{filename} is an SDXL refiner; Airlock runs base models only.")
    if header.has_prefix(XL_TEXT_1) and header.has_prefix(XL_TEXT_2):
        generation = "sdxl"
    elif header.has_prefix(SD2_TEXT):
        generation = "sd2"
    elif header.has_prefix(SD1_TEXT):
        generation = "sd1"
    else:
        raise BadInput(f"{filename} has no text encoder weights; Airlock needs a complete checkpoint.")
    if not header.has_prefix(VAE):
        raise BadInput(f"{filename} has no VAE weights (a 'no-VAE' checkpoint); "
                       "Airlock needs a checkpoint with its VAE baked in.")
    conv_in = header.shape(UNET + "input_blocks.0.0.weight")
    if conv_in is not None and len(conv_in) == 4 and conv_in[1] != 4:
        kind = "an inpainting" if conv_in[1] == 9 else "a special-purpose"
        raise BadInput(f"{filename} is {kind} model ({conv_in[1]} input channels); "
                       "Airlock runs text-to-image models only.")
    return generation


def _cross_attention_width(header: safetensors_header.SafetensorsHeader) -> int | None:
    for key in CROSS_ATTENTION_KEYS:
        shape = header.shape(key)
        if shape and len(shape) == 2:
            return shape[1]
    return None


def _default_family(generation: str) -> str:
    return {"sd1": "sd15", "sd2": "sd2", "sdxl": "sdxl"}[generation]


def _choose_family(generation: str, prediction: str, turbo: bool) -> ImageFamily:
    if generation == "sd1":
        return FAMILIES["sd15"]
    if generation == "sd2":
        if turbo:
            return FAMILIES["sd-turbo"]
        return FAMILIES["sd2-v" if prediction == "v_prediction" else "sd2"]
    return FAMILIES["sdxl-turbo" if turbo else "sdxl"]


def _prediction(path: Path, header: safetensors_header.SafetensorsHeader, generation: str,
                option: str | None) -> tuple[str, str]:
    """Decide epsilon or v: the user's word, then the file's metadata, then its weights."""
    if option is not None:
        return check_prediction_option(option) or "epsilon", "option"
    meta = header.metadata
    stated = meta.get("modelspec.prediction_type", "").lower()
    if stated in ("v", "v_prediction", "v-prediction"):
        return "v_prediction", "metadata"
    if stated in ("epsilon", "eps"):
        return "epsilon", "metadata"
    if meta.get("ss_v_parameterization", "").lower() == "true":
        return "v_prediction", "metadata"
    if "v_pred" in header.tensors:
        return "v_prediction", "marker tensor"
    architecture = meta.get("modelspec.architecture", "").lower()
    if re.search(r"768-v\b|-v-", architecture):
        return "v_prediction", "metadata"
    if generation == "sd2" and V_PRED_PROBE in header.tensors:
        try:
            values = safetensors_header.read_floats(path, header, V_PRED_PROBE)
        except (ValueError, OSError):
            values = []
        if values:
            spread = statistics.pstdev(values)
            return ("v_prediction" if spread > V_PRED_STD else "epsilon"), f"weights (std {spread:.3f})"
    return "epsilon", "default"


def _preset(name: str, family: ImageFamily) -> str:
    if family.turbo:
        return "turbo"
    if re.search(r"(^|[^a-z])lcm([^a-z]|$)", name.lower()):
        return "lcm"
    return "standard"


def _check_config_dir(folder: Path, pipeline: str) -> None:
    needed = ["model_index.json", "scheduler/scheduler_config.json", "unet/config.json", "vae/config.json",
              "text_encoder/config.json", "tokenizer"]
    if pipeline == "sdxl":
        needed += ["text_encoder_2/config.json", "tokenizer_2"]
    missing = [n for n in needed if not (folder / n).exists()]
    if not folder.is_dir() or missing:
        raise BadInput(f"The config folder {folder} is not a diffusers config folder "
                       f"(missing {', '.join(missing) or 'everything'}).")


# diffusers folders -------------------------------------------------------------------------


def inspect_folder(folder: Path, *, family: str | None = None,
                   prediction: str | None = None) -> ImageModelInfo:
    """Check a diffusers folder: a known pipeline, safetensors weights only, none truncated."""
    files = tree_files(folder)
    pickles = [f for f in files if f.suffix.lower() in PICKLE_SUFFIXES]
    if pickles:
        first = pickles[0].relative_to(folder).as_posix()
        raise BadInput(f"{folder.name} holds pickle weights ({first}), which can run code when loaded; "
                       "Airlock only loads safetensors: use a copy of the model without .bin/.ckpt files.")
    index = _read_json(folder / "model_index.json", folder.name)
    class_name = index.get("_class_name")
    if class_name not in PIPELINES:
        raise BadInput(f"{folder.name} is a {class_name or 'unknown'} model; Airlock runs Stable Diffusion "
                       "1.x, 2.x and XL pipelines only.")
    pipeline = PIPELINES[class_name]
    variant = None
    dtypes: dict[str, int] = {}
    tensor_count = 0
    for component in MODEL_COMPONENTS[pipeline]:
        if not isinstance(index.get(component), list) or index[component][0] is None:
            raise BadInput(f"{folder.name} has no {component} in its model_index.json.")
        weights = sorted((folder / component).glob("*.safetensors"))
        if not (folder / component / "config.json").is_file() or not weights:
            raise BadInput(f"{folder.name} is incomplete: {component}/ needs config.json and .safetensors weights.")
        plain = [w for w in weights if w.name.count(".") == 1]
        if not plain:
            variant = weights[0].name.split(".")[-2]
        for weight in weights:
            header = safetensors_header.read_header(weight)
            tensor_count += len(header.tensors)
            for dtype, count in header.dtypes.items():
                dtypes[dtype] = dtypes.get(dtype, 0) + count
    for tokenizer in ("tokenizer", "tokenizer_2") if pipeline == "sdxl" else ("tokenizer",):
        tok = folder / tokenizer
        if not ((tok / "vocab.json").is_file() and (tok / "merges.txt").is_file()) and not (tok / "tokenizer.json").is_file():
            raise BadInput(f"{folder.name} is incomplete: {tokenizer}/ needs vocab.json and merges.txt.")
    scheduler = _read_json(folder / "scheduler" / "scheduler_config.json", folder.name)
    unet = _read_json(folder / "unet" / "config.json", folder.name)
    width = unet.get("cross_attention_dim")
    generation = next((g for g, w in CROSS_ATTENTION.items() if w == width), None)
    standard = generation is not None and (generation == "sdxl") == (pipeline == "sdxl")
    if not standard:  # custom sizes: SD 2.x's OpenCLIP encoder is the one with plain GELU
        text = _read_json(folder / "text_encoder" / "config.json", folder.name)
        generation = "sdxl" if pipeline == "sdxl" else ("sd2" if text.get("hidden_act") == "gelu" else "sd1")
    chosen = check_family_option(family)
    if chosen is not None and chosen.generation != generation:
        raise BadInput(f"{folder.name} is a {FAMILIES[_default_family(generation)].label} model, "
                       f"not {chosen.label}; leave out --family or choose a matching one.")
    if prediction is not None:
        predicted, source = check_prediction_option(prediction) or "epsilon", "option"
    else:
        predicted = scheduler.get("prediction_type") or "epsilon"
        source = "scheduler config"
        if predicted not in PREDICTIONS:
            raise BadInput(f"{folder.name} uses prediction type '{predicted}', which Airlock does not run.")
    turbo = "turbo" in folder.name.lower() or scheduler.get("timestep_spacing") == "trailing"
    if chosen is None:
        chosen = _choose_family(generation, predicted, turbo)
    return ImageModelInfo(
        format="diffusers", family=chosen.name, prediction=predicted, prediction_source=source,
        preset=_preset(folder.name, chosen), standard=standard,
        dtype=max(dtypes, key=dtypes.get) if dtypes else None, tensor_count=tensor_count,
        variant=variant, notes=(),
    )


def _read_json(path: Path, owner: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BadInput(f"{owner} is incomplete: {path.name} is missing.") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BadInput(f"{owner} has a damaged {path.name} ({exc}).") from exc
    if not isinstance(data, dict):
        raise BadInput(f"{owner} has a damaged {path.name} (not a JSON object).")
    return data


# memory ---------------------------------------------------------------------------------------

GiB = 1024**3
ACTIVATIONS = {"sd1": 1.5 * GiB, "sd2": 2.0 * GiB, "sdxl": 3.5 * GiB}


def estimate_image_bytes(size_bytes: int, metadata: dict[str, Any],
                         image_size: tuple[int, int] | None = None) -> int:
    """Resident memory to generate on the CPU (fp32): the weights widened to 4 bytes a
    parameter, plus activations and the VAE decode, measured at the family's own
    resolution and scaled with the number of pixels asked for (PyTorch's fused attention
    keeps them linear in pixels; below a quarter of the native size the fixed costs rule)."""
    dtype_bytes = safetensors_header.DTYPE_BYTES.get(str(metadata.get("dtype")), 4)
    weights = size_bytes * 4 // max(1, dtype_bytes)
    family = FAMILIES.get(str(metadata.get("family")), FAMILIES["sd15"])
    scale = 1.0
    if image_size is not None:
        scale = max(0.25, image_size[0] * image_size[1] / family.size**2)
    return int(weights + ACTIVATIONS[family.generation] * scale)
