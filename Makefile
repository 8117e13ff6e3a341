# nutgraf: the two commands of the README, and the developer's others.
#
#   make demo    install what is missing, build, run on the bundled example
#   make test    install what is missing, build, run the whole test suite
#   make         build build/nutgraf and the library
#   make asan    build with AddressSanitizer + UBSan and run the suite
#   make fuzz    build the libFuzzer targets (clang) and run each for
#                FUZZ_SECONDS (default 60); a finding fails
#   make valgrind  the unit tests and the command's tests under memcheck
#   make eval    accuracy on the project's gold articles
#   make eval-real  accuracy on real news (tests/real, texts in ../shared/data)
#   make bench   throughput and peak memory
#
# CMake builds and CTest runs the tests underneath.

BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all setup build demo test asan fuzz valgrind eval eval-real holdout bench clean

all: build

setup:
	@tools/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -DNG_WERROR=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/nutgraf extract --date 2025-11-19 --pretty examples/millbrook-council.txt

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: setup
	@cmake -S . -B $(ASAN_BUILD) -DNG_WERROR=ON -DCMAKE_BUILD_TYPE=Debug \
		-DNG_SANITIZE=address,undefined $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

fuzz: setup
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DNG_FUZZ=ON -DNG_WERROR=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_extract fuzz_jsonl fuzz_jsonl_fast \
		$$(test -f src/html.c && test -f fuzz/fuzz_html.c && echo fuzz_html)
	fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

valgrind: build
	tests/valgrind.sh $(BUILD)

eval: build
	@echo "== development set (tests/articles)"
	@python3 tests/eval/score.py $(BUILD)/nutgraf tests/articles
	@echo "== second development set, newswire styles (tests/articles2)"
	@python3 tests/eval/score.py $(BUILD)/nutgraf tests/articles2

holdout: build
	python3 tests/eval/score.py $(BUILD)/nutgraf tests/holdout

eval-real: build
	@echo "== real news, development (tests/real/dev)"
	@python3 tests/eval/score.py $(BUILD)/nutgraf tests/real/dev
	@echo "== real news, held out (tests/real/holdout)"
	@python3 tests/eval/score.py $(BUILD)/nutgraf tests/real/holdout

bench: build
	bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
