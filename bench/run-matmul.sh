#!/usr/bin/env bash
# Matrix products on one core: the PyTorch engine's MKL choosing its kernels by processor vendor (its default) and
# by instruction sets (the launcher's library on AMD processors, pipelines/src/main/c/mkl_dispatch.c), against the
# PyTorch peer's torch with OpenBLAS, at the shapes of the translation benchmark. Alternates the three, RUNS times.
# Usage: [RUNS=3] bench/run-matmul.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
python=/usr/bin/python3
# Debian's torch calls the system BLAS: without OpenBLAS installed that is the slow reference BLAS.
if ! "$python" -c "import torch" 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread
fi
"$root/seqpipe" --version > /dev/null # builds the launcher's jar and, on AMD processors with a C compiler, the dispatch library
dispatch="$root/pipelines/target/native/libseqpipe-mkl-dispatch.so"
[ -f "$dispatch" ] || { echo "run-matmul.sh: no $dispatch: the launcher builds it on AMD processors with a C compiler" >&2; exit 1; }
(cd "$root" && mvn -B -q -DskipTests install -pl models -am)
mvn -B -q -f "$root/bench/pom.xml" compile > /dev/null
echo "machine: $(nproc) cores, $(grep -m1 'vendor_id' /proc/cpuinfo | cut -d: -f2 | xargs) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), torch $("$python" -c 'import torch; print(torch.__version__)') with $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 GOMP_SPINCOUNT=0 OMP_WAIT_POLICY=PASSIVE OPT_OUT_TRACKING=true DJL_OFFLINE=true
engine() {
  mvn -B -q -f "$root/bench/pom.xml" exec:exec -Dbench.main=io.seqpipe.bench.MatMulBenchmark -Dbench.args=PyTorch \
    2>&1 | grep GFLOP
}
for run in $(seq 1 "$runs"); do
  echo "round $run"
  engine | sed 's/^PyTorch/MKL by vendor/'
  LD_PRELOAD="$dispatch" engine | sed 's/^PyTorch/MKL by instruction sets/'
  "$python" "$root/bench/peers/matmul_peer.py" 1 | sed 's/^peer/peer (OpenBLAS)/'
done
