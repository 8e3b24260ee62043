# SVA — the two set-up commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# make run uses its own demo folder, never the user's real data folder.
# The lock (app, HQ, tests and the build) for CPython 3.11, every file's hash included;
# written by uv, pinned in requirements/lock-tool.in (README, "Dependencies").
LOCK := requirements/sva.lock
LOCK_FLAGS := --universal --python-version 3.11 --generate-hashes --quiet \
	--custom-compile-command "make lock"
DEMO_HOME ?= $(CURDIR)/.sva-demo

# Debian packages: virtual screen + Qt's xcb libraries, PDF tools, Japanese fonts, PostgreSQL
# (HQ tests on a throwaway cluster), headless Chromium (dashboard browser tests) and xdotool,
# openbox and imagemagick (tests that drive the real window under Xvfb and look at it),
# binutils (PyInstaller reads the libraries with objdump for `make dist`).
APT_PACKAGES := xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 \
	libxcb-xinerama0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	poppler-utils poppler-data fonts-ipafont fonts-migmix postgresql-15 chromium chromium-driver \
	xdotool openbox imagemagick binutils

.PHONY: run test bench apt venv demo screenshots translations clean lock dist dist-test

apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing:$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "SVA needs these Debian packages; run as root:"; \
	    echo "  apt-get install -y --no-install-recommends$$missing"; exit 1; \
	  fi; \
	fi

# Every package comes from the lock, checked by hash (pip itself too); then the project,
# editable, with nothing more (--no-deps) and built by the locked setuptools.
$(VENV)/.installed: $(LOCK) pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --require-hashes -r $(LOCK)
	$(PIP) install -q --no-deps --no-build-isolation -e .
	touch $@

# `make lock` re-resolves pyproject.toml's ranges into requirements/sva.lock keeping today's
# pins where they still fit; `make lock UPGRADE=pillow` (or "pillow reportlab", or "all")
# moves those packages to their newest allowed release. See README, "Dependencies".
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --require-hashes -r requirements/lock-tool.txt
	$(VENV)/bin/uv pip compile requirements/lock-tool.in $(LOCK_FLAGS) -o requirements/lock-tool.txt
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --extra build $(LOCK_FLAGS) \
	  $(if $(filter all,$(UPGRADE)),--upgrade,$(foreach p,$(UPGRADE),--upgrade-package $(p))) \
	  -o $(LOCK)

venv: $(VENV)/.installed

demo: venv
	@if [ ! -f "$(DEMO_HOME)/sva.db" ]; then $(VENV)/bin/sva demo --data-dir "$(DEMO_HOME)"; fi

translations: venv
	$(PY) -m ui.i18n_build

run: apt venv translations demo
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
	  echo "no display found: starting the app on a virtual screen (xvfb-run)"; \
	  xvfb-run -a -s "-screen 0 1366x768x24" $(VENV)/bin/sva --data-dir "$(DEMO_HOME)"; \
	else \
	  $(VENV)/bin/sva --data-dir "$(DEMO_HOME)"; \
	fi

test: apt venv translations
	$(PY) -m ruff check sva ui tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

# `make dist`: the desktop app as one folder, dist/sva/ (packaging/README.md), then its own
# --self-check; prints the build's time and size. `make dist-test` runs the tests of the build
# (a copy outside the checkout, no Python on PATH, under Xvfb); `make test` runs them too.
dist: apt venv
	rm -rf dist/sva
	@start=$$(date +%s); \
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/sva.spec && \
	echo "dist/sva built in $$(( $$(date +%s) - start )) s, $$(du -sh dist/sva | cut -f1)"
	env -u DISPLAY QT_QPA_PLATFORM=offscreen dist/sva/sva --self-check

dist-test: apt venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/shipping $(PYTEST_ARGS)

bench: venv
	@set -e; for f in tests/bench/bench_*.py; do echo "== $$f"; $(PY) $$f; done

screenshots: apt venv translations demo
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m ui.screenshots --data-dir "$(DEMO_HOME)" -o docs/screenshots
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m ui.screenshots --data-dir "$(DEMO_HOME)" -o docs/screenshots --lang ja
	$(PY) -m sva.reports.render_pages docs/screenshots --data-dir "$(DEMO_HOME)"

clean:
	rm -rf $(VENV) .sva-demo screenshots build dist *.egg-info
