# The two entry points of the README. Each installs what is missing first.
.PHONY: demo test bench dependencies

dependencies:
	@tools/install-dependencies

demo: dependencies
	@swift build -c release --product cadence
	@.build/release/cadence demo

test: dependencies
	@swift build --build-tests
	@swift test --skip-build

bench: dependencies
	@swift build -c release
	@.build/release/CadenceBench $(GROUPS)
