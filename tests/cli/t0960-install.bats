#!/usr/bin/env bats
load helper

# make install into a temporary DESTDIR, run an installed binary from
# there, and make uninstall leaves nothing of ours behind.
@test "make install puts binaries, man pages and completions in place; uninstall removes them" {
	top="$BATS_TEST_DIRNAME/../.."
	dest="$T/dest"
	run make -s -C "$top" install B="${CS_BIN#$(cd "$top" && pwd)/}" \
	    DESTDIR="$dest" PREFIX=/usr/local
	[ "$status" -eq 0 ]
	for b in cs cs-agent cs-customer cs-db cs-kb cs-report cs-revisit cs-ticket; do
		[ -x "$dest/usr/local/bin/$b" ]
	done
	for b in cs-agent cs-customer cs-db cs-kb cs-report cs-revisit cs-ticket; do
		[ -f "$dest/usr/local/share/man/man1/$b.1" ]
		[ -f "$dest/usr/local/share/bash-completion/completions/$b" ]
		[ -f "$dest/usr/local/share/zsh/site-functions/_$b" ]
		[ -f "$dest/usr/local/share/fish/vendor_completions.d/$b.fish" ]
	done
	[ -f "$dest/usr/local/share/man/man7/cs.7" ]
	# the installed binaries carry their schema and find each other
	run "$dest/usr/local/bin/cs" db init
	[ "$status" -eq 0 ]
	run "$dest/usr/local/bin/cs-agent" add li.na --name 李娜
	[ "$output" = li.na ]
	run make -s -C "$top" uninstall DESTDIR="$dest" PREFIX=/usr/local
	[ "$status" -eq 0 ]
	[ -z "$(find "$dest" -type f)" ]
}
