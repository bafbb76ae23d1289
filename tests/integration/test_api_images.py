"""/v1/images/generations with a tiny random SD pipeline, through the official client."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import openai
import pytest

from tests.helpers.api_server import airlock, create_key, serve
from tests.helpers.tiny_sd import build_tiny_folder

pytestmark = [pytest.mark.slow, pytest.mark.image]


def test_images_as_base64_and_as_files(tmp_path):
    from PIL import Image

    home = tmp_path / "home"
    folder = build_tiny_folder(tmp_path / "tiny-sd")
    airlock(home, "models", "import", str(folder), "--name", "tiny", "--json")
    key = create_key(home, "designer", "image")
    with serve(home, network_log=tmp_path / "network.log") as served:
        client = openai.OpenAI(base_url=served.base, api_key=key, max_retries=0, timeout=300)
        answer = client.images.generate(model="tiny", prompt="a red kite", size="64x64", n=2,
                                        response_format="b64_json", extra_body={"steps": 2, "seed": 7})
        assert len(answer.data) == 2
        for item in answer.data:
            with Image.open(io.BytesIO(base64.b64decode(item.b64_json))) as image:
                assert image.size == (64, 64)
        files = client.images.generate(model="tiny", prompt="a red kite", size="64x64",
                                       response_format="url", extra_body={"steps": 2, "seed": 7})
        path = Path(files.data[0].model_extra["path"])
        assert files.data[0].url == path.as_uri() and path.is_file()
        assert path.read_bytes() == base64.b64decode(answer.data[0].b64_json)  # same seed, same pixels
        with pytest.raises(openai.PermissionDeniedError):  # an image-only key cannot chat
            client.chat.completions.create(model="smollm2-135m", messages=[{"role": "user", "content": "hi"}])
        with pytest.raises(openai.BadRequestError, match="quality"):
            client.images.generate(model="tiny", prompt="a kite", quality="hd")
    rows = json.loads(airlock(home, "history", "list", "--json").stdout)
    assert [r["kind"] for r in rows] == ["image"] * 3
    assert {r["params"]["api"]["key"] for r in rows} == {"designer"}
