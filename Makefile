# synack - plain Makefile; libpcap and libcrypto (-E) via pkg-config.
CC      ?= cc
PKG_CONFIG ?= pkg-config
PCAP_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcap 2>/dev/null)
PCAP_LIBS   := $(shell $(PKG_CONFIG) --libs libpcap 2>/dev/null || echo -lpcap)
CRYPTO_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcrypto 2>/dev/null)
CRYPTO_LIBS   := $(shell $(PKG_CONFIG) --libs libcrypto 2>/dev/null || echo -lcrypto)
WARN    := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
XCFLAGS ?=
ALLCFLAGS = $(CFLAGS) $(XCFLAGS) -std=c11 -D_GNU_SOURCE $(WARN) $(PCAP_CFLAGS) $(CRYPTO_CFLAGS)
NCURSES_LIBS := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
LDLIBS  += $(PCAP_LIBS) $(CRYPTO_LIBS) $(NCURSES_LIBS)

SRCS := $(sort $(wildcard src/*.c src/*/*.c))
OBJS := $(SRCS:%.c=build/%.o)
LIBOBJS := $(filter-out build/src/main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=build/tests/%)

.PHONY: all asan clean test unit clang
all: synack

synack: $(OBJS)
	@echo "  LD $@"; $(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

build/%.o: %.c $(wildcard src/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(ALLCFLAGS) -c -o $@ $<

build/tests/%: tests/unit/%.c $(LIBOBJS)
	@mkdir -p $(dir $@)
	@echo "  LD $@"; $(CC) $(ALLCFLAGS) -Isrc -o $@ $< $(LIBOBJS) $(LDLIBS)

unit: $(UNIT_BINS)

# AddressSanitizer + UndefinedBehaviorSanitizer build, separate objects.
asan:
	$(MAKE) CFLAGS="-O1 -g" XCFLAGS="-fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" synack-asan

ASAN_OBJS := $(SRCS:%.c=build-asan/%.o)
synack-asan: $(ASAN_OBJS)
	@echo "  LD $@"; $(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJS) $(LDLIBS)
build-asan/%.o: %.c $(wildcard src/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(ALLCFLAGS) -c -o $@ $<

# Same sources with clang, warnings as errors (CI checks both compilers).
clang:
	$(MAKE) CC=clang synack-clang
CLANG_OBJS := $(SRCS:%.c=build-clang/%.o)
synack-clang: $(CLANG_OBJS)
	@echo "  LD $@"; $(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $(CLANG_OBJS) $(LDLIBS)
build-clang/%.o: %.c $(wildcard src/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(ALLCFLAGS) -c -o $@ $<

# ---- install (PREFIX, DESTDIR as usual) -------------------------------------
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
INSTALL ?= install
.PHONY: install uninstall
install: synack
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	$(INSTALL) -m 0755 synack $(DESTDIR)$(BINDIR)/synack
	$(INSTALL) -m 0644 synack.1 $(DESTDIR)$(MANDIR)/man1/synack.1
	$(INSTALL) -m 0644 completion/synack.bash $(DESTDIR)$(BASHCOMPDIR)/synack
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/synack $(DESTDIR)$(MANDIR)/man1/synack.1 $(DESTDIR)$(BASHCOMPDIR)/synack

test: synack unit
	bash tests/run.sh

clean:
	rm -rf build build-asan build-clang build-fuzz synack synack-asan synack-clang

# ---- fuzzing (fuzz/README.md) ---------------------------------------------
# make fuzz: libFuzzer targets build-fuzz/fuzz-{print,track,file} (clang) and
# their seed corpora fuzz/seeds/<target>/ (generated, never committed).
# make fuzz-replay: the same targets as plain ASan+UBSan programs that replay
# the files given as arguments (any compiler; tests/fuzz/replay.sh uses them).
FUZZ_TARGETS := print track file compare
FUZZ_CC ?= clang
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_ALLCFLAGS = $(FUZZ_FLAGS) -std=c11 -D_GNU_SOURCE $(WARN) $(PCAP_CFLAGS) $(CRYPTO_CFLAGS)
FUZZ_LIBSRCS := $(filter-out src/main.c,$(SRCS))
FUZZ_OBJS := $(FUZZ_LIBSRCS:%.c=build-fuzz/lf/%.o)
REPLAY_OBJS := $(FUZZ_LIBSRCS:%.c=build-fuzz/rp/%.o)
FUZZ_HDRS := $(wildcard src/*.h src/*/*.h fuzz/*.h)
.PHONY: fuzz fuzz-replay fuzz-seeds lint
fuzz: $(FUZZ_TARGETS:%=build-fuzz/fuzz-%) fuzz-replay fuzz-seeds
fuzz-replay: $(FUZZ_TARGETS:%=build-fuzz/replay-%)
fuzz-seeds:
	@/usr/bin/python3 fuzz/make-seeds.py fuzz/seeds
build-fuzz/lf/%.o: %.c $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC(fuzz) $<"; $(FUZZ_CC) $(FUZZ_ALLCFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build-fuzz/fuzz-%: fuzz/fuzz_%.c $(FUZZ_OBJS) $(FUZZ_HDRS)
	@echo "  LD $@"; $(FUZZ_CC) $(FUZZ_ALLCFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LDLIBS) -lm
build-fuzz/rp/%.o: %.c $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC(replay) $<"; $(CC) $(FUZZ_ALLCFLAGS) -c -o $@ $<
build-fuzz/replay-%: fuzz/fuzz_%.c fuzz/replay.c $(REPLAY_OBJS) $(FUZZ_HDRS)
	@echo "  LD $@"; $(CC) $(FUZZ_ALLCFLAGS) -DFUZZ_MAIN -o $@ $< fuzz/replay.c $(REPLAY_OBJS) $(LDLIBS) -lm

# ---- lint: banned functions and struct casts of packet bytes ----------------
lint:
	bash tests/lint.sh
.SECONDARY: $(FUZZ_OBJS) $(REPLAY_OBJS)
