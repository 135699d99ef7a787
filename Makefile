# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval lint bench lock clean

# The exact versions of requirements.lock, then aiclaims itself; `pip check` fails when
# pyproject.toml asks for something the lock does not hold (run `make lock`).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e ".[dev]"
	$(BIN)/python -m pip check
	touch $(STAMP)

## run: ingest the bundled sample corpus into ./aiclaims.db and show the stored claims
run: $(STAMP)
	$(BIN)/aiclaims run

## test: lint, then the whole test suite
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

## eval: score the extractor on the real-article set (dev and test), the seed and the own gold
eval: $(STAMP)
	$(BIN)/python eval/real/check_gold.py --quiet
	$(BIN)/python -m eval.run_eval

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python bench/bench_quantities.py

## lock: resolve pyproject.toml's dependencies in .venv and pin them in requirements.lock
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	{ sed -n '1,3p' requirements.lock; $(BIN)/python -m pip freeze --exclude-editable; } \
		> requirements.lock.new && mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) aiclaims.db aiclaims.db-wal aiclaims.db-shm .pytest_cache
