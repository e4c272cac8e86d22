# synack - plain Makefile; libpcap via pkg-config.
CC      ?= cc
PKG_CONFIG ?= pkg-config
PCAP_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcap 2>/dev/null)
PCAP_LIBS   := $(shell $(PKG_CONFIG) --libs libpcap 2>/dev/null || echo -lpcap)
WARN    := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
XCFLAGS ?=
ALLCFLAGS = $(CFLAGS) $(XCFLAGS) -std=c11 -D_GNU_SOURCE $(WARN) $(PCAP_CFLAGS)
LDLIBS  += $(PCAP_LIBS)

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

test: synack unit
	bash tests/run.sh

clean:
	rm -rf build build-asan build-clang synack synack-asan synack-clang
