# common.bash - what the CLI test scripts share, sourced after they read their
# arguments (not a test of its own: ctest runs tests/cli/*.sh): $tmp, a
# temporary folder removed at exit; the pass and fail counters that
# check NAME CONDITION... keeps; has and hasnt FILE TEXT.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0
check() { # NAME CONDITION...
	local name=$1
	shift
	if "$@"; then pass=$((pass + 1)); else echo "FAIL $name"; fail=$((fail + 1)); fi
}
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
