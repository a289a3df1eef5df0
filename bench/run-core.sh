#!/usr/bin/env bash
# Benchmarks of nlp-core: tokenization against raw Lucene, GloVe loading, corpus BLEU of 100k pairs.
# Usage: bench/run-core.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "${1:-$root/../shared}" && pwd)"
(cd "$root" && mvn -B -q -DskipTests install -pl nlp-core -am)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
mvn -B -q -f "$root/bench/pom.xml" compile exec:exec -Dshared="$shared"
