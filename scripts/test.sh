#!/usr/bin/env bash
# Runs the whole Flows test suite on this machine: `mvn -B verify` over every module.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify "$@"
