# cs - customer-service operations toolkit.  See README.md.
.POSIX:
.SUFFIXES:

PREFIX      = /usr/local
BINDIR      = $(PREFIX)/bin
MANDIR      = $(PREFIX)/share/man
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d
EXAMPLEDIR  = $(PREFIX)/share/cs/examples

CC      = cc
CFLAGS  = -O2 -g
WFLAGS  = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes
B       = build
PKGS    = sqlite3 jansson libutf8proc
LIBS    = -lcsv `pkg-config --libs $(PKGS)` -lm
BINS    = cs-agent cs-customer cs-db cs-kb cs-report cs-revisit cs-ticket
LIBOBJ  = agent chart complete customer db err ids import in kb kbtok map opt out phone qa report revisit sla text ticket time
DEBPKGS = build-essential pkg-config libsqlite3-dev libjansson-dev libcsv-dev \
          libutf8proc-dev libcmocka-dev bats mandoc sqlite3 time zsh fish
FUZZPKGS = clang libclang-rt-dev

all: $(BINS:%=$(B)/%) $(B)/cs

$(B)/.dir:
	mkdir -p $(B)/obj && touch $@

$(B)/schema.c: share/schema/*.sql share/schema/embed.sh $(B)/.dir
	sh share/schema/embed.sh share/schema/*.sql > $@

$(B)/obj/%.o: common/%.c common/cs.h $(B)/.dir
	$(CC) $(WFLAGS) $(CFLAGS) `pkg-config --cflags $(PKGS)` -c -o $@ $<

$(B)/obj/schema.o: $(B)/schema.c
	$(CC) $(WFLAGS) $(CFLAGS) -c -o $@ $(B)/schema.c

$(B)/libcs.a: $(LIBOBJ:%=$(B)/obj/%.o) $(B)/obj/schema.o
	rm -f $@ && ar rcs $@ $(LIBOBJ:%=$(B)/obj/%.o) $(B)/obj/schema.o

$(B)/cs: cmd/cs.c $(B)/libcs.a
	$(CC) $(WFLAGS) $(CFLAGS) -Icommon -o $@ cmd/cs.c $(B)/libcs.a $(LIBS)

$(B)/cs-%: cmd/cs-%.c $(B)/libcs.a
	$(CC) $(WFLAGS) $(CFLAGS) -Icommon -o $@ $< $(B)/libcs.a $(LIBS)

$(B)/test_%: tests/unit/test_%.c $(B)/libcs.a
	$(CC) $(WFLAGS) $(CFLAGS) -Icommon -o $@ $< $(B)/libcs.a $(LIBS) -lcmocka

# tests/fuzz/fuzz_NAME.c: replayed by a plain driver (test_fuzz_NAME, run
# by make check), or run by libFuzzer (fuzz_NAME, make fuzz).
$(B)/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h $(B)/libcs.a
	$(CC) $(WFLAGS) $(CFLAGS) -Icommon -DFUZZ_NAME='"$*"' -o $@ $< \
	  tests/fuzz/driver.c $(B)/libcs.a $(LIBS)

$(B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(B)/libcs.a
	$(CC) $(WFLAGS) $(CFLAGS) -fsanitize=fuzzer -Icommon -o $@ $< $(B)/libcs.a $(LIBS)

UNITS = `ls tests/unit/test_*.c | sed 's,tests/unit/,$(B)/,; s,\.c$$,,'`

# make check: a sanitizer build in build/san, unit and command-line tests.
SANFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined -Werror
check: deps
	$(MAKE) B=build/san CFLAGS="$(SANFLAGS)" all
	$(MAKE) B=build/san CFLAGS="$(SANFLAGS)" units
	sh tests/run build/san

units: $(B)/libcs.a
	@for t in tests/unit/test_*.c; do \
	  n=$${t#tests/unit/}; $(MAKE) -s B=$(B) CFLAGS="$(CFLAGS)" $(B)/$${n%.c} || exit 1; done
	@for t in tests/fuzz/fuzz_*.c; do \
	  n=$${t#tests/fuzz/}; $(MAKE) -s B=$(B) CFLAGS="$(CFLAGS)" $(B)/test_$${n%.c} || exit 1; done

# make fuzz: each harness under libFuzzer (clang) for FUZZ_TIME seconds;
# what crashes it is kept in tests/fuzz/crashes/ and replayed by make check.
FUZZ_TIME = 60
FUZZFLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
            -fno-sanitize-recover=undefined -fno-omit-frame-pointer
fuzz:
	@$(MAKE) -s deps DEBPKGS="$(FUZZPKGS)"
	$(MAKE) B=build/fuzz CC=clang CFLAGS="$(FUZZFLAGS)" build/fuzz/libcs.a
	FUZZFLAGS="$(FUZZFLAGS)" sh tests/fuzz/run build/fuzz $(FUZZ_TIME)

# make stress: the crash and concurrency tests, STRESS times more rows,
# kills and workers.
STRESS = 4
stress: deps
	$(MAKE) B=build/san CFLAGS="$(SANFLAGS)" all
	CS_STRESS=$(STRESS) sh tests/run build/san tests/cli/t10*-hardening-crash*.bats \
	  tests/cli/t10*-hardening-concurrency*.bats

demo: deps all
	sh share/examples/demo.sh $(B)

bench: deps all
	sh bench/run $(B)

deps:
	@missing=; for p in $(DEBPKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  sudo=; [ "`id -u`" = 0 ] || sudo=sudo; \
	  echo "installing:$$missing"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

# One completion file per shell serves every binary; bash-completion and
# fish load a command's completion from a file named after it, so those two
# are linked under each name.  Older installations had a _cs-NAME for zsh.
# The example scripts go to EXAMPLEDIR, where their crontab lines call
# them; not demo.sh, which runs in the source tree (make demo).
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) \
	  $(DESTDIR)$(EXAMPLEDIR)
	cp $(B)/cs $(DESTDIR)$(BINDIR)/cs
	cp share/man/cs.7 $(DESTDIR)$(MANDIR)/man7/
	cp completions/bash/cs $(DESTDIR)$(BASHCOMPDIR)/cs
	cp completions/zsh/_cs $(DESTDIR)$(ZSHCOMPDIR)/_cs
	cp completions/fish/cs.fish $(DESTDIR)$(FISHCOMPDIR)/cs.fish
	for b in $(BINS); do cp $(B)/$$b $(DESTDIR)$(BINDIR)/$$b; \
	  cp share/man/$$b.1 $(DESTDIR)$(MANDIR)/man1/; \
	  ln -sf cs $(DESTDIR)$(BASHCOMPDIR)/$$b; \
	  ln -sf cs.fish $(DESTDIR)$(FISHCOMPDIR)/$$b.fish; \
	  rm -f $(DESTDIR)$(ZSHCOMPDIR)/_$$b; done
	for f in share/examples/*.sh; do case $$f in */demo.sh) continue; esac; \
	  cp $$f $(DESTDIR)$(EXAMPLEDIR)/ && \
	  chmod 755 $(DESTDIR)$(EXAMPLEDIR)/$${f##*/} || exit 1; done

uninstall:
	for b in cs $(BINS); do rm -f $(DESTDIR)$(BINDIR)/$$b \
	  $(DESTDIR)$(MANDIR)/man1/$$b.1 $(DESTDIR)$(BASHCOMPDIR)/$$b \
	  $(DESTDIR)$(FISHCOMPDIR)/$$b.fish; done
	rm -f $(DESTDIR)$(MANDIR)/man7/cs.7 $(DESTDIR)$(ZSHCOMPDIR)/_cs
	for f in share/examples/*.sh; do rm -f $(DESTDIR)$(EXAMPLEDIR)/$${f##*/}; done
	rmdir $(DESTDIR)$(EXAMPLEDIR) 2>/dev/null || true

clean:
	rm -rf build

.PHONY: all check units fuzz stress demo bench deps install uninstall clean
