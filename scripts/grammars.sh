#!/usr/bin/env bash
# grammars.sh — fetches, verifies and builds the tree-sitter grammars that syntaxes/ names.
#   scripts/grammars.sh              every syntaxes/*/grammar.ini
#   scripts/grammars.sh python tsx   just these languages
#   SYNTAXES=DIR OUT=DIR scripts/grammars.sh   other manifests and output directories
#                                    (absolute, or relative to the repository)
#
# For each language: `npm pack` the pinned package into build/grammars/cache/ (kept, and used
# again once its sha512 matches the manifest's integrity), check the grammar's ABI against the
# installed libtree-sitter, compile parser.c and its scanner into build/grammars/LANG/parser.so,
# and write build/grammars/LANG/highlights.scm (and injections.scm) as: each inherited
# language's package query and project query, then this language's package queries, then the
# project's own syntaxes/LANG/*.scm. The extracted sources live in a scratch directory under
# build/ that is removed afterwards. A language is rebuilt only when its inputs (its manifest
# and .scm files, those of the languages it draws queries from, this script) changed: their
# hash is kept in build/grammars/LANG/.stamp. build/grammars/LANG/parser.d tells make the same.
# Quiet on success but for one "GRAMMAR LANG" line per language built.
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "$0")/.."
SELF=scripts/grammars.sh
SYNTAXES=${SYNTAXES:-syntaxes}
OUT=${OUT:-build/grammars}
CACHE=$OUT/cache
CC=${CC:-cc}
CXX=${CXX:-g++}

die() {
  echo "grammars: $*" >&2
  exit 1
}

# ini_get FILE SECTION KEY: the value of KEY in [SECTION], blanks trimmed; empty if absent.
ini_get() {
  awk -v want_sec="$2" -v want_key="$3" '
    /^[ \t]*[;#]/ { next }
    /^[ \t]*\[/ { sec = $0; gsub(/^[ \t]*\[|\][ \t]*$/, "", sec); next }
    sec == want_sec {
      i = index($0, "="); if (!i) next
      k = substr($0, 1, i - 1); v = substr($0, i + 1)
      gsub(/^[ \t]+|[ \t\r]+$/, "", k); gsub(/^[ \t]+|[ \t\r]+$/, "", v)
      if (k == want_key) val = v
    }
    END { print val }' "$1"
}

manifest() {
  local m=$SYNTAXES/$1/grammar.ini
  [ -f "$m" ] || die "no $m (each language is a directory $SYNTAXES/NAME/ with a grammar.ini)"
  echo "$m"
}

# need LANG KEY: a required [grammar] key.
need() {
  local m v
  m=$(manifest "$1")
  v=$(ini_get "$m" grammar "$2")
  [ -n "$v" ] || die "$m: [grammar] has no $2 (see syntaxes/README.md)"
  echo "$v"
}

# The languages whose package queries LANG's queries draw on: its inherits, and the LANG: part
# of entries such as javascript:queries/highlights-jsx.scm.
related() {
  local m l e
  m=$(manifest "$1")
  for l in $(ini_get "$m" queries inherits); do echo "$l"; done
  for e in $(ini_get "$m" queries highlights) $(ini_get "$m" queries injections); do
    case "$e" in *:*) echo "${e%%:*}" ;; esac
  done
}

# sri FILE: FILE's integrity as npm writes it (sha512-BASE64).
sri() {
  python3 -c 'import base64, hashlib, sys
digest = hashlib.sha512(open(sys.argv[1], "rb").read()).digest()
print("sha512-" + base64.b64encode(digest).decode())' "$1"
}

# fetch LANG: prints the path of LANG's package tarball in the cache, fetching it first when it
# is missing or does not match the manifest's integrity.
fetch() {
  local pkg ver want tgz got tmp
  pkg=$(need "$1" package)
  ver=$(need "$1" version)
  want=$(need "$1" integrity)
  case "$want" in
    sha512-*) ;;
    *) die "$SYNTAXES/$1/grammar.ini: integrity must be npm's sha512-... \
(npm view $pkg@$ver dist.integrity)" ;;
  esac
  mkdir -p "$CACHE"
  tgz=$CACHE/${pkg//\//_}-$ver.tgz
  # typescript and tsx (or a language and the one it inherits from) may fetch the same package
  # at once under make -j.
  exec 9>"$tgz.lock"
  flock 9
  if [ -f "$tgz" ] && [ "$(sri "$tgz")" = "$want" ]; then
    echo "$tgz"
    return
  fi
  rm -f "$tgz"
  tmp=$(mktemp -d "$CACHE/.pack.XXXXXX")
  if ! (cd "$tmp" && npm pack --loglevel=error "$pkg@$ver") >"$tmp/npm.log" 2>&1; then
    sed 's/^/  /' "$tmp/npm.log" | tail -n 8 >&2
    rm -rf "$tmp"
    die "$pkg $ver: npm pack failed (is the npm registry reachable, and does the version exist? \
npm view $pkg versions)"
  fi
  mv "$tmp"/*.tgz "$tgz"
  rm -rf "$tmp"
  got=$(sri "$tgz")
  if [ "$got" != "$want" ]; then
    rm -f "$tgz"
    die "$pkg $ver: the tarball's integrity is $got but $SYNTAXES/$1/grammar.ini pins $want \
(deleted it; compare with npm view $pkg@$ver dist.integrity)"
  fi
  echo "$tgz"
}

# unpack LANG DIR: extracts LANG's package into DIR (once) and prints its root directory.
unpack() {
  local tgz root
  if [ ! -d "$2" ]; then
    tgz=$(fetch "$1")
    mkdir -p "$2"
    tar -xzf "$tgz" -C "$2" --exclude='*/prebuilds' --exclude='*.wasm' ||
      die "$tgz: cannot extract (delete it to fetch it again)"
  fi
  root=$(find "$2" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [ -n "$root" ] || die "$(need "$1" package): the package is empty"
  echo "$root"
}

# default_query ROOT SUBDIR KIND: the package's own KIND.scm, in SUBDIR/queries/ or queries/.
default_query() {
  if [ -n "$2" ] && [ -f "$1/$2/queries/$3.scm" ]; then
    echo "$1/$2/queries/$3.scm"
  elif [ -f "$1/queries/$3.scm" ]; then
    echo "$1/queries/$3.scm"
  fi
}

# append FILE LABEL OUT: adds FILE to OUT under a comment naming where it came from.
append() {
  { printf '; ---- %s\n' "$2"; cat "$1"; printf '\n'; } >>"$3"
}

# assemble LANG KIND WORK OUT: builds LANG's KIND.scm (highlights, injections) into OUT.
assemble() {
  local lang=$1 kind=$2 work=$3 out=$4 m l root f e path list
  m=$(manifest "$lang")
  : >"$out"
  for l in $(ini_get "$m" queries inherits); do
    root=$(unpack "$l" "$work/$l")
    f=$(default_query "$root" "$(ini_get "$(manifest "$l")" grammar subdir)" "$kind")
    [ -z "$f" ] || append "$f" "$(need "$l" package) $(need "$l" version): ${f#"$root"/}" "$out"
    f=$SYNTAXES/$l/$kind.scm
    [ ! -f "$f" ] || append "$f" "$f" "$out"
  done
  list=$(ini_get "$m" queries "$kind")
  if [ -z "$list" ]; then
    root=$(unpack "$lang" "$work/$lang")
    f=$(default_query "$root" "$(ini_get "$m" grammar subdir)" "$kind")
    [ -z "$f" ] ||
      append "$f" "$(need "$lang" package) $(need "$lang" version): ${f#"$root"/}" "$out"
  fi
  for e in $list; do
    case "$e" in
      *:*) l=${e%%:*} path=${e#*:} ;;
      *) l=$lang path=$e ;;
    esac
    root=$(unpack "$l" "$work/$l")
    [ -f "$root/$path" ] || die "$m: [queries] $kind lists $e, but $(need "$l" package) \
$(need "$l" version) has no $path"
    append "$root/$path" "$(need "$l" package) $(need "$l" version): $path" "$out"
  done
  [ ! -f "$SYNTAXES/$lang/$kind.scm" ] ||
    append "$SYNTAXES/$lang/$kind.scm" "$SYNTAXES/$lang/$kind.scm" "$out"
  [ -s "$out" ] || rm -f "$out"
}

# The ABI range this libtree-sitter reads, from its header ("13 14"), and its version.
abi_range() {
  local inc api lo hi
  inc=$(pkg-config --variable=includedir tree-sitter 2>/dev/null || echo /usr/include)
  api=$inc/tree_sitter/api.h
  lo=$(sed -n 's/^#define TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION \([0-9]*\).*/\1/p' \
    "$api" 2>/dev/null || true)
  hi=$(sed -n 's/^#define TREE_SITTER_LANGUAGE_VERSION \([0-9]*\).*/\1/p' "$api" 2>/dev/null ||
    true)
  echo "${lo:-13} ${hi:-14}"
}

libts_name() {
  local v
  v=$(dpkg-query -W -f='${Version}' libtree-sitter0 2>/dev/null | sed 's/-[^-]*$//' || true)
  echo "libtree-sitter${v:+ $v}"
}

# inputs LANG: the files whose content decides LANG's build.
inputs() {
  local l rel
  rel=$(related "$1" | sort -u)
  echo "$SELF"
  for l in "$1" $rel; do
    echo "$SYNTAXES/$l/grammar.ini"
    find "$SYNTAXES/$l" -maxdepth 1 -name '*.scm' | sort
  done
}

# input_dirs LANG: the directories whose new or deleted .scm files would change LANG's build.
input_dirs() {
  local l rel
  rel=$(related "$1" | sort -u)
  for l in "$1" $rel; do echo "$SYNTAXES/$l"; done
}

build() {
  local lang=$1 m dest work stamp root sub pkg ver src abi lo hi sym objs link f list ins dirs
  m=$(manifest "$lang")
  dest=$OUT/$lang
  list=$(inputs "$lang")
  mapfile -t ins <<<"$list"
  list=$(input_dirs "$lang")
  mapfile -t dirs <<<"$list"
  stamp=$(for f in "${ins[@]}"; do echo "== $f"; cat "$f"; done | sha256sum | cut -d' ' -f1)
  if [ -f "$dest/parser.so" ] && [ "$(cat "$dest/.stamp" 2>/dev/null)" = "$stamp" ]; then
    touch "$dest/parser.so" # make compares times: the inputs were touched, not changed
    return 0
  fi

  pkg=$(need "$lang" package)
  ver=$(need "$lang" version)
  sym=$(need "$lang" symbol)
  sub=$(ini_get "$m" grammar subdir)
  mkdir -p "$OUT"
  work=$(mktemp -d "$OUT/.work-$lang.XXXXXX")
  # shellcheck disable=SC2064 # expand now: work is local
  trap "rm -rf '$work'" EXIT

  root=$(unpack "$lang" "$work/$lang")
  src=$root${sub:+/$sub}/src
  [ -f "$src/parser.c" ] || die "$pkg $ver: no ${sub:+$sub/}src/parser.c in the package \
(check subdir in $m)"
  abi=$(sed -n 's/^#define LANGUAGE_VERSION \([0-9]*\).*/\1/p' "$src/parser.c" | head -n 1)
  [ -n "$abi" ] || die "$pkg $ver: src/parser.c has no LANGUAGE_VERSION"
  read -r lo hi < <(abi_range)
  if [ "$abi" -gt "$hi" ]; then
    die "$pkg $ver: grammar ABI $abi, but $(libts_name) reads $lo-$hi; pin an older version in $m"
  fi
  if [ "$abi" -lt "$lo" ]; then
    die "$pkg $ver: grammar ABI $abi, but $(libts_name) reads $lo-$hi; pin a newer version in $m"
  fi

  objs=("$work/parser.o")
  link=$CC
  "$CC" -O2 -fPIC -w -I"$src" -c -o "$work/parser.o" "$src/parser.c"
  if [ -f "$src/scanner.c" ]; then
    "$CC" -O2 -fPIC -w -I"$src" -c -o "$work/scanner.o" "$src/scanner.c"
    objs+=("$work/scanner.o")
  elif [ -f "$src/scanner.cc" ]; then
    "$CXX" -O2 -fPIC -w -I"$src" -c -o "$work/scanner.o" "$src/scanner.cc"
    objs+=("$work/scanner.o")
    link=$CXX
  fi
  "$link" -shared -Wl,-z,defs -o "$work/parser.so" "${objs[@]}"
  nm -D --defined-only "$work/parser.so" | grep -qw "tree_sitter_$sym" ||
    die "$pkg $ver: parser.so has no tree_sitter_$sym (check symbol in $m)"

  assemble "$lang" highlights "$work" "$work/highlights.scm"
  assemble "$lang" injections "$work" "$work/injections.scm"

  mkdir -p "$dest"
  rm -f "$dest/.stamp" "$dest/highlights.scm" "$dest/injections.scm"
  for f in highlights.scm injections.scm; do
    [ ! -f "$work/$f" ] || mv "$work/$f" "$dest/$f"
  done
  mv "$work/parser.so" "$dest/parser.so"
  {
    printf '%s:' "$dest/parser.so"
    printf ' %s' "${dirs[@]}" "${ins[@]}"
    printf '\n'
    for f in "${dirs[@]}" "${ins[@]}"; do printf '%s:\n' "$f"; done
  } >"$dest/parser.d"
  echo "$stamp" >"$dest/.stamp"
  rm -rf "$work"
  trap - EXIT
  echo "GRAMMAR $lang"
}

if [ $# -eq 0 ]; then
  for m in "$SYNTAXES"/*/grammar.ini; do
    [ -f "$m" ] || die "no $SYNTAXES/*/grammar.ini"
    m=${m%/grammar.ini}
    set -- "$@" "${m##*/}"
  done
fi
for lang in "$@"; do
  (build "$lang")
done
