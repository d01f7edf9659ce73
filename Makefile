# The two entry points of the README. Each installs what is missing first.
.PHONY: demo test bench dependencies

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
