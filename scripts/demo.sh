#!/usr/bin/env bash
# demo.sh — creates the demo sandbox (a small Python project) under shed's data dir if it is
# not there yet, and prints its path. `make run` opens shed on it.
set -eu

data=${SHED_HOME:-}; [ -n "$data" ] || data=${XDG_DATA_HOME:-$HOME/.local/share}/shed
dir=$data/sandboxes/demo
if [ ! -e "$dir/main.py" ]; then
  mkdir -p "$dir/data"
  chmod 700 "$data"
  cat >"$dir/main.py" <<'PY'
"""A tiny word counter: edit me, then press F5 to run me."""
import sys

from util import top_words


def main(path: str = "data/poem.txt") -> None:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for word, count in top_words(text, 5):
        print(f"{word:>10} {'#' * count} {count}")


if __name__ == "__main__":
    main(*sys.argv[1:])
PY
  cat >"$dir/util.py" <<'PY'
"""Helpers for main.py."""
from collections import Counter
import re


def top_words(text: str, n: int) -> list[tuple[str, int]]:
    """The N most common words in TEXT, most common first."""
    words = re.findall(r"[a-z']+", text.lower())
    return Counter(words).most_common(n)
PY
  cat >"$dir/data/poem.txt" <<'TXT'
The sea is calm tonight.
The tide is full, the moon lies fair
Upon the straits; on the French coast the light
Gleams and is gone; the cliffs of England stand,
Glimmering and vast, out in the tranquil bay.
TXT
  cat >"$dir/README.md" <<'MD'
# demo

A small Python project to try shed on. Open `main.py`, change something, save with Ctrl-S.
MD
fi
printf '%s\n' "$dir"
