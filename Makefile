# The front door. Every target installs what is missing (Debian packages through apt) first.
#   make demo   build and run gongkai on sample-data/
#   make test   build and run the unit and golden tests
#   make asan   the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make heavy  the batch suites (1,000 generated units; syscalls per unit by strace): run by .ci/run
#   make e2e    real-client suites (Chromium, LibreOffice): heavier, run by .ci/run
#   make bench  benchmarks (print figures; never part of the tests)
#   make fuzz   libFuzzer targets (clang) built into build-fuzz, each run FUZZ_SECONDS (600)
#   make package  the Debian packages gongkai and gongkai-dev (CPack) into build-deb/
#   make deb-test the packages on a fresh Debian 12 (debootstrap chroot; root): run by .ci/run
#   make format / lint
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGKAI_WERROR=ON
GONGKAI = $(BUILD)/gongkai
FUZZ_SECONDS ?= 600

.PHONY: all deps build test demo asan heavy e2e bench fuzz format lint clean package deb-test

all: build

deps:
	@scripts/install-deps.sh build

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE 'e2e|heavy'

demo: build
	@scripts/demo.sh $(GONGKAI)

asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DGONGKAI_WERROR=ON -DGONGKAI_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ctest --output-on-failure -j $(JOBS) -LE 'e2e|heavy'

heavy: build
	@scripts/install-deps.sh heavy
	@cd $(BUILD) && ctest --output-on-failure -L heavy

e2e: build
	@scripts/install-deps.sh e2e
	@cd $(BUILD) && ctest --output-on-failure -L e2e

bench: build
	@scripts/bench.sh $(BUILD)

# Each fuzz target for FUZZ_SECONDS, in its own build (clang, -fsanitize=fuzzer,address,undefined);
# new inputs go to build-fuzz/corpus/, findings to build-fuzz/artifacts/ (tests/fuzz/README.md).
fuzz:
	@scripts/install-deps.sh fuzz
	@CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGKAI_FUZZ=ON \
	  -DGONGKAI_TESTS=OFF -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
	  -DCMAKE_C_FLAGS="-fsanitize=address,undefined" >/dev/null
	@cmake --build build-fuzz -j $(JOBS) --target fuzz_all
	@scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

# The .debs from the build tree, installed under /usr (cmake/Package.cmake): the program finds
# /usr/share/gongkai beside /usr/bin, whatever prefix the tree was configured with.
package: build
	@scripts/install-deps.sh package
	@rm -f build-deb/gongkai_*.deb build-deb/gongkai-dev_*.deb
	@mkdir -p build-deb
	@cd $(BUILD) && cpack -G DEB -B $(CURDIR)/build-deb >build-deb-cpack.log || { cat build-deb-cpack.log; exit 1; }
	@rm -rf build-deb/_CPack_Packages
	@ls build-deb/*.deb

deb-test: package
	@tests/package/test_deb.sh . build-deb

format:
	@scripts/install-deps.sh lint
	@find lib tools tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

lint:
	@scripts/install-deps.sh lint
	@find lib tools tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run --Werror

clean:
	@rm -rf $(BUILD) build-asan build-fuzz
