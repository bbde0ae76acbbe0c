#!/usr/bin/env bash
# deps.sh — installs the Debian packages shed builds, tests and benchmarks with.
#   scripts/deps.sh               install everything that is missing
#   scripts/deps.sh --if-missing  the same, silent when nothing is missing (make runs this)
#   scripts/deps.sh --bench       also the peers `make bench` compares against
set -euo pipefail

quiet=0 bench=0
for a in "$@"; do
  case "$a" in
    --if-missing) quiet=1 ;;
    --bench) bench=1 ;;
    *) echo "deps.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

# pkg-config name -> Debian package
pcs=(ncursesw:libncurses-dev vterm:libvterm-dev libgit2:libgit2-dev sqlite3:libsqlite3-dev
     libcurl:libcurl4-openssl-dev tree-sitter:libtree-sitter-dev libcjson:libcjson-dev
     inih:libinih-dev libpcre2-8:libpcre2-dev libutf8proc:libutf8proc-dev cmocka:libcmocka-dev)
# command -> Debian package
cmds=(pkg-config:pkg-config cc:gcc make:make clang:clang tmux:tmux python3:python3
      clang-format:clang-format cppcheck:cppcheck git:git npm:npm)
if [ "$bench" = 1 ]; then
  cmds+=(nvim:neovim vim:vim micro:micro)
fi

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
for pair in "${pcs[@]}"; do
  pc=${pair%%:*} pkg=${pair#*:}
  command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$pc" 2>/dev/null && continue
  missing+=("$pkg")
done
for pair in "${cmds[@]}"; do
  cmd=${pair%%:*} pkg=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
# clang's libFuzzer runtime comes from its own package.
if command -v clang >/dev/null 2>&1; then
  ver=$(clang -dumpversion | cut -d. -f1)
  [ -n "$(find /usr/lib/llvm-"$ver" -name 'libclang_rt.fuzzer*' 2>/dev/null | head -1)" ] ||
    missing+=("libclang-rt-$ver-dev")
fi
# Terminal descriptions beyond ncurses-base: the direct-colour ones truecolour needs.
[ -e /usr/share/terminfo/x/xterm-direct ] || missing+=(ncurses-term)

if [ ${#missing[@]} -eq 0 ]; then
  [ "$quiet" = 1 ] || echo "deps: everything is installed"
  exit 0
fi

mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "deps: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "deps: need root to install ${missing[*]} (run as root or install sudo)" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
  "${sudo[@]}" apt-get update -q >&2
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
