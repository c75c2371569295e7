#!/usr/bin/env python3
"""Python side of the DJL-vs-Python inference benchmark for a DermRead TorchScript model.

For each batch size it measures, after a warm-up:

* end to end: image file bytes (already in memory, so disk is not timed) -> Pillow decode ->
  ``.convert("RGB")`` -> float32 NCHW 0..255 tensor -> forward -> softmax of the main logits,
  over all images; reported as images per second (median of --runs passes, with min and max);
* forward only: the same forward + softmax on pre-decoded tensors; reported as milliseconds per
  batch and per image (median over all batches of all passes) and images per second;
* decode only: bytes -> tensor, milliseconds per image (median).

It prints one JSON line. Batches need images of one size; a batch size that does not fit the
images' sizes is reported as skipped. The last, partial batch of a pass is included.

Example (compare like with like: DJL uses all cores unless told otherwise):
  /usr/bin/python3 src/main/python/benchmark_python.py \\
      --model src/main/resources/models/demo-skin-cnn/demo-skin-cnn.pt --images study-sets/demo/images \\
      --threads 2 --batch-sizes 1,8
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import torch
from PIL import Image

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png")


def decode(data: bytes) -> torch.Tensor:
    with Image.open(io.BytesIO(data)) as im:
        arr = np.asarray(im.convert("RGB"), dtype=np.float32)
    return torch.from_numpy(arr).permute(2, 0, 1).unsqueeze(0)


def forward(model, x: torch.Tensor) -> torch.Tensor:
    return torch.softmax(model(x)[0], dim=1)


def percentile(values, q):
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))


def bench_batch(model, blobs, tensors, batch: int, runs: int):
    n = len(blobs)
    batches = [list(range(i, min(i + batch, n))) for i in range(0, n, batch)]
    if any(len({tuple(tensors[j].shape) for j in b}) > 1 for b in batches):
        return {"batch": batch, "skipped": "images of different sizes cannot be stacked"}

    e2e_ips, fwd_ms_batch, fwd_ms_image = [], [], []
    with torch.inference_mode():
        for _ in range(runs):
            t0 = time.perf_counter()
            for b in batches:
                x = torch.cat([decode(blobs[j]) for j in b]) if len(b) > 1 else decode(blobs[b[0]])
                forward(model, x)
            e2e_ips.append(n / (time.perf_counter() - t0))
            for b in batches:
                x = torch.cat([tensors[j] for j in b]) if len(b) > 1 else tensors[b[0]]
                t1 = time.perf_counter()
                forward(model, x)
                dt_ms = (time.perf_counter() - t1) * 1000
                fwd_ms_batch.append(dt_ms)
                fwd_ms_image.append(dt_ms / len(b))
    fwd_total_s = sum(fwd_ms_batch) / 1000 / runs
    return {
        "batch": batch,
        "end_to_end_images_per_s": round(statistics.median(e2e_ips), 3),
        "end_to_end_images_per_s_min": round(min(e2e_ips), 3),
        "end_to_end_images_per_s_max": round(max(e2e_ips), 3),
        "forward_ms_per_batch_median": round(statistics.median(fwd_ms_batch), 3),
        "forward_ms_per_batch_p90": round(percentile(fwd_ms_batch, 90), 3),
        "forward_ms_per_image_median": round(statistics.median(fwd_ms_image), 3),
        "forward_images_per_s": round(n / fwd_total_s, 3),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="TorchScript .pt")
    ap.add_argument("--images", required=True, help="folder of JPEG/PNG files (searched recursively)")
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    ap.add_argument("--interop-threads", type=int, default=None, help="torch.set_num_interop_threads")
    ap.add_argument("--batch-sizes", default="1", help="comma-separated, e.g. 1,4,8 (default 1)")
    ap.add_argument("--runs", type=int, default=5, help="timed passes over the images (default 5)")
    ap.add_argument("--warmup", type=int, default=5, help="untimed forward passes first (default 5)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N images (sorted by path)")
    args = ap.parse_args(argv)

    if args.interop_threads:
        torch.set_num_interop_threads(args.interop_threads)
    torch.set_num_threads(args.threads)

    paths = sorted(os.path.join(r, f) for r, _, fs in os.walk(args.images) for f in fs
                   if f.lower().endswith(IMAGE_EXTENSIONS))[: args.limit]
    if not paths:
        raise SystemExit(f"no images under {args.images}")
    blobs = []
    for p in paths:
        with open(p, "rb") as fh:
            blobs.append(fh.read())

    t0 = time.perf_counter()
    model = torch.jit.load(args.model, map_location="cpu").eval()
    load_s = time.perf_counter() - t0

    decode_ms = []
    tensors = []
    for b in blobs:
        t1 = time.perf_counter()
        tensors.append(decode(b))
        decode_ms.append((time.perf_counter() - t1) * 1000)

    with torch.inference_mode():
        t1 = time.perf_counter()
        forward(model, tensors[0])
        first_ms = (time.perf_counter() - t1) * 1000
        for i in range(max(0, args.warmup - 1)):
            forward(model, tensors[(i + 1) % len(tensors)])

    results = [bench_batch(model, blobs, tensors, int(b), args.runs) for b in args.batch_sizes.split(",") if b]
    with open(args.model, "rb") as fh:
        sha = hashlib.sha256(fh.read()).hexdigest()
    sizes = sorted({f"{t.shape[3]}x{t.shape[2]}" for t in tensors})
    print(json.dumps({
        "runtime": "python",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "model": os.path.basename(args.model),
        "model_sha256": sha,
        "images": len(blobs),
        "image_sizes": sizes,
        "threads": torch.get_num_threads(),
        "interop_threads": torch.get_num_interop_threads(),
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "runs": args.runs,
        "warmup": args.warmup,
        "model_load_s": round(load_s, 3),
        "first_forward_ms": round(first_ms, 1),
        "decode_ms_per_image_median": round(statistics.median(decode_ms), 3),
        "results": results,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
