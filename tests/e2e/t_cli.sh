# The command line without a terminal: --help and --version print and exit 0; an unknown
# option or a missing path exits 2 with a message on stderr that says what to do.

shed_run --help
expect_eq "shed --help status" "$RUN_STATUS" 0
[[ $RUN_OUT == "usage: shed "* ]] ||
    fail "--help: stdout does not start with 'usage: shed': $RUN_OUT"
[[ $RUN_OUT == *"--version"* ]] || fail "--help does not mention --version"
expect_eq "shed --help stderr" "$RUN_ERR" ""

shed_run -h
expect_eq "shed -h status" "$RUN_STATUS" 0
[[ $RUN_OUT == "usage: shed "* ]] || fail "-h: stdout does not start with 'usage: shed'"

shed_run --version
expect_eq "shed --version status" "$RUN_STATUS" 0
[[ $RUN_OUT =~ ^shed\ [0-9]+\.[0-9]+\.[0-9]+$ ]] ||
    fail "--version: expected 'shed X.Y.Z', got '$RUN_OUT'"

shed_run --frobnicate
expect_eq "shed --frobnicate status" "$RUN_STATUS" 2
expect_eq "shed --frobnicate stdout" "$RUN_OUT" ""
[[ $RUN_ERR == *"--frobnicate"* ]] || fail "unknown option: stderr does not name it: '$RUN_ERR'"
[[ $RUN_ERR == *"shed --help"* ]] || fail "unknown option: stderr does not point to --help"

shed_run "$WS/no-such-file.txt"
expect_eq "shed MISSING status" "$RUN_STATUS" 2
[[ $RUN_ERR == *"no-such-file.txt"* ]] || fail "missing path: stderr does not name it: '$RUN_ERR'"
expect_missing "$WS/no-such-file.txt"

shed_run "$WS" "$WS"
expect_eq "shed PATH PATH status" "$RUN_STATUS" 2
