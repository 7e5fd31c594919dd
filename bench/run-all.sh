#!/usr/bin/env bash
# Runs every benchmark of the project, then the soak test, and rewrites the generated part of docs/benchmarks.md.
#
#   bench/run-all.sh [-Dbench.runs=3] [-Dbench.only=cdnow,soak] [-Dsoak.minutes=10] [-Dname=value ...]
#
# Every argument is a JVM system property for the suite (dev.userlifecycle.app.benchmark.BenchmarkSuite), which passes
# the bench.* and soak.* ones on to each benchmark. It first builds the reactor with `mvn package` (tests skipped; no
# `mvn install`, so nothing lands in ~/.m2) and writes the test classpath of the app module; BENCH_SKIP_BUILD=1 reuses
# the last build. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "[bench] building: mvn -B -q -DskipTests package dependency:build-classpath"
  mvn -B -q -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
fi
for built in app/target/user-lifecycle-app.jar app/target/test.classpath app/target/test-classes; do
  [[ -e "$built" ]] || { echo "[bench] $built is missing: run without BENCH_SKIP_BUILD=1" >&2; exit 2; }
done

classpath="$PWD/app/target/test-classes:$PWD/app/target/classes:$(cat app/target/test.classpath)"
exec java -Xmx512m -cp "$classpath" "$@" dev.userlifecycle.app.benchmark.BenchmarkSuite
