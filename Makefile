# SVA — the two set-up commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# make run uses its own demo folder, never the user's real data folder.
DEMO_HOME ?= $(CURDIR)/.sva-demo

# Debian packages: virtual screen + Qt's xcb libraries, PDF tools, Japanese fonts, PostgreSQL
# (HQ tests on a throwaway cluster), headless Chromium (dashboard browser tests) and xdotool,
# openbox and imagemagick (tests that drive the real window under Xvfb and look at it).
APT_PACKAGES := xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 \
	libxcb-xinerama0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	poppler-utils poppler-data fonts-ipafont postgresql-15 chromium chromium-driver \
	xdotool openbox imagemagick

.PHONY: run test bench apt venv demo screenshots translations clean

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

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test]'
	touch $@

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

bench: venv
	@set -e; for f in tests/bench/bench_*.py; do echo "== $$f"; $(PY) $$f; done

screenshots: apt venv translations demo
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m ui.screenshots --data-dir "$(DEMO_HOME)" -o docs/screenshots
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m ui.screenshots --data-dir "$(DEMO_HOME)" -o docs/screenshots --lang ja
	$(PY) -m sva.reports.render_pages docs/screenshots --data-dir "$(DEMO_HOME)"

clean:
	rm -rf $(VENV) .sva-demo screenshots build dist *.egg-info
