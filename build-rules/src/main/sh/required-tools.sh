# The one decision, for shell scripts, of whether this is CI and whether a tool is present; sourced
# by .ci/run and typescript-client/build.sh. RequiredTools makes the same decision for the Java
# tests, and RequiredToolsTest holds the two to each other.
#
#   in_ci                   CI is "true", in any case, blanks around it ignored
#   answers TOOL            `TOOL --version` exits 0 within 10 s
#   python_running SCRIPT   prints the first of python3, /usr/bin/python3 that runs SCRIPT with exit 0
#   require_tool TOOL WHY   0 when TOOL answers; otherwise, under CI, prints an [ERROR] and exits 1
#                           (CI must skip nothing), else prints a [WARNING] SKIPPED line and returns 1

in_ci() {
  local value
  value=$(printf '%s' "${CI:-}" | tr '[:upper:]' '[:lower:]' | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
  [ "$value" = "true" ]
}

answers() {
  timeout 10 "$1" --version >/dev/null 2>&1 </dev/null
}

python_running() {
  local python
  for python in python3 /usr/bin/python3; do
    if timeout 60 "$python" "$1" >/dev/null 2>&1 </dev/null; then
      printf '%s\n' "$python"
      return 0
    fi
  done
  return 1
}

require_tool() {
  if answers "$1"; then
    return 0
  fi
  if in_ci; then
    echo "[ERROR] $2: $1 is not installed, and CI=true: a missing tool fails the build (.ci/run installs it)" >&2
    exit 1
  fi
  echo "[WARNING] SKIPPED: $2: $1 is not installed (CI=true makes this fail)"
  return 1
}
