#!/usr/bin/env bash
# The TypeScript client's build, run by typescript-client/pom.xml (exec-maven-plugin):
#   build.sh package SPEC WORKDIR VERSION   npm ci the pinned tools, generate, compile, npm pack
#   build.sh check WORKDIR [SKIP]           tsc --strict over type-tests/ (one file must compile,
#                                           each pinned fails-*.ts must fail with its error), over
#                                           the READMEs' ```ts blocks (they must compile), and the
#                                           client's unit tests (node --test)
# Without node/npm it skips with the reason; with CI=true a missing node fails the build instead, and
# so does SKIP=true (-Dreels.typescript.skip): CI must run the type checks. "CI" and "present" are
# decided by the kit's one helper, as the Java tests and .ci/run decide them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mode=$1
source "$here/../build-rules/src/main/sh/required-tools.sh"

if [ "$mode" = check ] && [ "${3:-false}" = "true" ]; then
  if in_ci; then
    echo "[ERROR] -Dreels.typescript.skip with CI=true: the TypeScript type checks (type-tests/) must run in CI" >&2
    exit 1
  fi
  echo "[WARNING] SKIPPED: TypeScript type checks (-Dreels.typescript.skip)"
  exit 0
fi
why="the TypeScript client (typescript-client) is not built or checked"
require_tool node "$why" || exit 0
require_tool npm "$why" || exit 0

case "$mode" in
  package)
    spec=$2 work=$3 version=$4
    rm -rf "$work/src" "$work/reels-api-client" "$work/build"
    mkdir -p "$work/build/src" "$work/reels-api-client"
    cp "$here/package.json" "$here/package-lock.json" "$here/generate.mjs" "$here/documented.mjs" "$here/check-types.mjs" \
      "$here/tsconfig.json" "$work/"
    cp -r "$here/type-tests" "$work/"
    cd "$work"
    # The lockfile pins every tool; npm ci installs exactly it (and skips when already installed).
    if ! cmp -s package-lock.json node_modules/.package-lock.json.reels 2>/dev/null; then
      npm ci --no-audit --no-fund --loglevel=error >npm-ci.log 2>&1 || { cat npm-ci.log >&2; exit 1; }
      cp package-lock.json node_modules/.package-lock.json.reels
    fi
    node generate.mjs "$spec" build/src/schema.d.ts >/dev/null
    # The limits and retry advice the client keeps to, from the docs as data beside the spec.
    node documented.mjs "$(dirname "$spec")/doc-pages" build/src/documented.ts >/dev/null
    cp "$here/src/main/ts/"*.ts build/src/
    npx --no-install tsc -p tsconfig.json
    cp build/src/schema.d.ts "$here/package/README.md" reels-api-client/
    fetch_version=$(node -p 'require("./node_modules/openapi-fetch/package.json").version')
    sed -e "s/\${version}/$version/" -e "s/\${openapi-fetch.version}/$fetch_version/" \
      "$here/package/package.json" > reels-api-client/package.json
    (cd reels-api-client && npm pack --pack-destination "$work/.." --loglevel=error >/dev/null)
    echo "TypeScript client: $(cd "$work/.." && pwd)/reels-api-client-$version.tgz"
    ;;
  check)
    # The repository's pages that show this package's code to frontend developers.
    docs=()
    for page in "$here/../README.md" "$here/../docs/frontend.md"; do
      [ -f "$page" ] && docs+=("$page")
    done
    cd "$2"
    node check-types.mjs "${docs[@]}"
    # The client's unit tests (virtual time, an in-memory API), against the built package.
    rm -rf test-js && cp -r "$here/src/test/js" test-js
    node --test --test-reporter=spec test-js/*.test.mjs
    ;;
  *)
    echo "usage: build.sh package SPEC WORKDIR VERSION | build.sh check WORKDIR [SKIP]" >&2
    exit 64
    ;;
esac
