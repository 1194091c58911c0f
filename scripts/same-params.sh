#!/usr/bin/env bash
# same-params.sh BASE_DIR NEW_DIR
#
# Compares the trained numbers of two `pinn validate` (or `pinn run`) output folders: for every model.json
# under BASE_DIR, the file at the same relative path under NEW_DIR must exist and hold the same
# `parameters` array and the same `coefficients` object, value for value. Prints "same" (exit 0), or the
# first difference (exit 1); bad arguments exit 2.
#
# Used to show that a change leaves results untouched: build the parent commit in a `git worktree` under
# /tmp, run `./pinn validate --quick --threads 2 --out DIR` from it and from this commit, one right after
# the other on the same machine, then `scripts/same-params.sh BASE_DIR NEW_DIR`.
#
# Doubles are compared as jq prints them (17 significant digits, so two numbers print the same exactly when
# they are the same double). Needs jq.
set -euo pipefail

usage() {
  echo "usage: scripts/same-params.sh BASE_DIR NEW_DIR (two pinn validate output folders)" >&2
  exit 2
}
[ "$#" -eq 2 ] || usage
base="$1"
new="$2"
for d in "$base" "$new"; do
  [ -d "$d" ] || { echo "same-params: $d is not a directory; expected a pinn validate output folder" >&2; exit 2; }
done
command -v jq >/dev/null 2>&1 || { echo "same-params: needs jq (apt-get install jq)" >&2; exit 2; }

mapfile -t files < <(cd "$base" && find . -name model.json -type f | LC_ALL=C sort)
[ "${#files[@]}" -gt 0 ] || { echo "same-params: no model.json under $base" >&2; exit 2; }
mapfile -t others < <(cd "$new" && find . -name model.json -type f | LC_ALL=C sort)
if [ "${files[*]}" != "${others[*]}" ]; then
  echo "different: the folders hold different model files" >&2
  diff <(printf '%s\n' "${files[@]}") <(printf '%s\n' "${others[@]}") | sed 's/^</  only in BASE:/; s/^>/  only in NEW: /' | grep only >&2 || true
  exit 1
fi

# one line per number: "parameters[k] value", then "coefficients.name value"
numbers() {
  jq -r '(.parameters // error("no parameters array")) as $p
         | ($p | to_entries[] | "parameters[\(.key)] \(.value)"),
           ((.coefficients // {}) | to_entries[] | "coefficients.\(.key) \(.value)")' "$1"
}

for f in "${files[@]}"; do
  a="$(numbers "$base/$f")" || { echo "same-params: cannot read $base/$f" >&2; exit 2; }
  b="$(numbers "$new/$f")" || { echo "same-params: cannot read $new/$f" >&2; exit 2; }
  if [ "$a" != "$b" ]; then
    echo "different: ${f#./}"
    # the first line where they part; a missing line (one array longer) shows as "(none)"
    paste -d '|' <(printf '%s\n' "$a") <(printf '%s\n' "$b") \
      | awk -F '|' '$1 != $2 { printf "  BASE: %s\n  NEW:  %s\n", ($1 == "" ? "(none)" : $1), ($2 == "" ? "(none)" : $2); exit }'
    exit 1
  fi
done
echo "same (${#files[@]} model.json files: parameters and coefficients)"
