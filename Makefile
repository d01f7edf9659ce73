# The two entry points of the README. Each installs what is missing first.
.PHONY: demo test bench dependencies install uninstall

# Where `make install` puts Cadence: /usr/local as root, else ~/.local.
PREFIX ?= $(shell [ "$$(id -u)" = 0 ] && echo /usr/local || echo $$HOME/.local)

dependencies:
	@tools/install-dependencies

demo: dependencies
	@swift build -c release --product cadence
	@.build/release/cadence demo

# Results are printed line by line (not in blocks), and the run has a time
# limit: a test that hangs fails CI with what passed before it on record.
test: dependencies
	@swift build --build-tests
	@timeout --kill-after=30 1800 stdbuf -oL -eL swift test --skip-build

bench: dependencies
	@swift build -c release
	@.build/release/CadenceBench $(GROUPS)

install: dependencies
	@swift build -c release --product cadence
	@tools/install .build/release/cadence "$(PREFIX)"

uninstall:
	@rm -rf "$(PREFIX)/bin/cadence" "$(PREFIX)/share/cadence" "$(PREFIX)/share/man/man1/cadence.1" \
		"$(PREFIX)/share/bash-completion/completions/cadence" "$(PREFIX)/share/zsh/site-functions/_cadence" \
		"$(PREFIX)/share/fish/vendor_completions.d/cadence.fish"
	@echo "Removed cadence from $(PREFIX) (workspaces are untouched)."
