#!/usr/bin/env python3
"""The PyTorch peer's single-precision matrix products at the shapes of io.seqpipe.bench.MatMulBenchmark, timed
the same way (median of 5 rounds of about 2 s, after one untimed round). Prints GFLOP/s per shape."""
import sys
import time

import torch

SHAPES = [(1000, 512, 7000), (512, 1000, 7000), (1000, 7000, 512), (40, 768, 1536), (40, 512, 1536),
          (40, 1024, 512), (200, 512, 7000)]

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
for rows, inner, columns in SHAPES:
    left, right = torch.randn(rows, inner), torch.randn(inner, columns)
    flops = 2.0 * rows * inner * columns
    products = max(5, int(1e11 / flops))
    rounds = []
    for round_ in range(6):
        start = time.perf_counter()
        for _ in range(products):
            left @ right
        if round_:
            rounds.append(time.perf_counter() - start)
    seconds = sorted(rounds)[len(rounds) // 2]
    print(f"peer {rows}x{inner}x{columns}: {flops * products / seconds / 1e9:.1f} GFLOP/s")
