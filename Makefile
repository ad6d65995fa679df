# Shortcuts for developers; each target calls scripts/dev.py, which sets up .venv.
.PHONY: demo test package bench lint
demo:
	python3 scripts/dev.py demo
test:
	python3 scripts/dev.py test
package:
	python3 scripts/dev.py package
bench:
	python3 scripts/dev.py bench
lint:
	.venv/bin/ruff check analysis gui tests benchmarks scripts
	.venv/bin/mypy analysis
