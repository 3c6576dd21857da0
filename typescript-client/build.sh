#!/usr/bin/env bash
# The TypeScript client's build, run by typescript-client/pom.xml (exec-maven-plugin):
#   build.sh package SPEC WORKDIR VERSION PUBLISHED_SPEC BEHAVIOUR MOCK_JAR
#       npm ci the pinned tools; generate, compile and npm pack the client (from the strict view
#       SPEC), the MSW handler pack (msw/: from PUBLISHED_SPEC and the JVM mock's BEHAVIOUR json)
#       and the launcher of the JVM mock (launcher/: carries MOCK_JAR), each a .tgz beside WORKDIR
#   build.sh check WORKDIR [SKIP]
#       tsc --strict over type-tests/ (one file must compile, each pinned fails-*.ts must fail with
#       its error) and over the READMEs' ```ts blocks; the client's unit tests (node --test); the
#       MSW pack's vitest tests; its page through a service worker in Chromium
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
    spec=$2 work=$3 version=$4 published=$5 behaviour=$6 mock_jar=$7
    rm -rf "$work/src" "$work/reels-api-client" "$work/build" "$work/msw" "$work/launcher"
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

    # The MSW handler pack: data from the spec and the JVM mock's tables, then the hand-written engine.
    mkdir -p msw/build/src msw/reels-api-msw/bin
    cp "$here/msw/generate-data.mjs" "$here/msw/tsconfig.json" "$here/msw/vitest.config.mjs" msw/
    cp -r "$here/msw/test" "$here/msw/browser" "$here/msw/examples" msw/
    cp "$here/msw/src/"*.ts msw/build/src/
    node msw/generate-data.mjs "$published" "$behaviour" msw/build/src/data.ts
    (cd msw && npx --no-install tsc -p tsconfig.json)
    cp "$here/msw/bin/reels-api-msw.mjs" msw/reels-api-msw/bin/
    cp "$here/msw/README.md" msw/reels-api-msw/
    msw_version=$(node -p 'require("./node_modules/msw/package.json").version')
    middleware_version=$(node -p 'require("./node_modules/@mswjs/http-middleware/package.json").version')
    sed -e "s/\${version}/$version/" -e "s/\${msw.version}/$msw_version/" \
      -e "s/\${http-middleware.version}/$middleware_version/" \
      "$here/msw/package.json" > msw/reels-api-msw/package.json
    (cd msw/reels-api-msw && npm pack --pack-destination "$work/.." --loglevel=error >/dev/null)
    echo "MSW handler pack: $(cd "$work/.." && pwd)/reels-api-msw-$version.tgz"

    # The npm launcher of the JVM mock: its jar and a bin that starts it with the user's java.
    if [ ! -f "$mock_jar" ]; then
      echo "[ERROR] $mock_jar is missing: build mock-server first (mvn package -pl typescript-client -am)" >&2
      exit 1
    fi
    mkdir -p launcher/reels-mock-server/bin
    cp "$here/launcher/bin/reels-mock-server.mjs" launcher/reels-mock-server/bin/
    cp "$here/launcher/README.md" launcher/reels-mock-server/
    cp "$mock_jar" launcher/reels-mock-server/reels-mock-server.jar
    sed -e "s/\${version}/$version/" "$here/launcher/package.json" > launcher/reels-mock-server/package.json
    (cd launcher/reels-mock-server && npm pack --pack-destination "$work/.." --loglevel=error >/dev/null)
    echo "JVM mock launcher: $(cd "$work/.." && pwd)/reels-mock-server-$version.tgz"
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
    # The MSW pack's own tests: vitest in node (fake timers, stories, readings through the client).
    ln -sfn "$(pwd)/msw/reels-api-msw" node_modules/reels-api-msw
    npx --no-install vitest run --config msw/vitest.config.mjs --reporter=default 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g'
    # The pack on a page, through a real service worker, in headless Chromium.
    node msw/browser/run-page.mjs
    ;;
  *)
    echo "usage: build.sh package SPEC WORKDIR VERSION PUBLISHED_SPEC BEHAVIOUR MOCK_JAR | build.sh check WORKDIR [SKIP]" >&2
    exit 64
    ;;
esac
