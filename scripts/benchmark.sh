#!/usr/bin/env bash
# Runs the engine benchmark (JMH) and prints its cost as ratios to a JSON baseline measured in the
# same run. Takes about a minute; the machine should be otherwise idle for stable figures.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl flows-core -am
# JMH generates code at test-compile time; a stale incremental build can leave it uncompiled.
rm -rf flows-core/target/generated-test-sources flows-core/target/test-classes/dev/flows/benchmark
mvn -q -B test-compile -pl flows-core
mvn -q -B -pl flows-core exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
  "-Dexec.args=-cp %classpath dev.flows.benchmark.EngineBenchmark $*"
