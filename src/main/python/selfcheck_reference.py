#!/usr/bin/env python3
"""Writes the numerical self-check of the inference engine: what Python computes for a model on a fixed,
synthetic input (no image file, no decoder), so that the Java side can compare libtorch's output on this CPU
with Python's before it trusts any prediction.

Why: on an AMD EPYC (Zen 5) machine, libtorch 2.5.1's oneDNN kernels at the AVX-512 instruction level gave
probabilities that differed from Python's by up to 0.40 and a different top class on up to 180 of the 200 demo
images, run to run (2026-11-27; with ONEDNN_MAX_CPU_ISA=AVX2 the largest difference was 8.2e-7). DermRead caps
oneDNN's instruction set where needed (``dermread.inference.cpu-isa``) and checks every engine start with this file.

The input is a [1, 3, H, W] float32 tensor with values 0..255:
    value(c, y, x) = (7 x + 13 y + 61 c + (x y mod 29)) mod 256
It is written as the model's first output (the logits; more sensitive than softmax probabilities, which a confident
model pushes to 0 and 1) with 9 significant digits.

Example (regenerate whenever the demo model is retrained):
  /usr/bin/python3 src/main/python/selfcheck_reference.py \\
      --model src/main/resources/models/demo-skin-cnn/demo-skin-cnn.pt \\
      --out src/main/resources/models/demo-skin-cnn/selfcheck.json
"""

from __future__ import annotations

import argparse
import json

import torch

HEIGHT = 96
WIDTH = 128


def selfcheck_input(height: int = HEIGHT, width: int = WIDTH) -> torch.Tensor:
    c = torch.arange(3).view(3, 1, 1)
    y = torch.arange(height).view(1, height, 1)
    x = torch.arange(width).view(1, 1, width)
    values = (7 * x + 13 * y + 61 * c + (x * y) % 29) % 256
    return values.to(torch.float32).unsqueeze(0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    model = torch.jit.load(args.model, map_location="cpu").eval()
    with torch.no_grad():
        logits = model(selfcheck_input())[0][0].tolist()
    record = {
        "description": "Python's logits (first output) of this model on DermRead's synthetic self-check input "
                       "(see src/main/python/selfcheck_reference.py); compared at every engine start",
        "input": {"height": HEIGHT, "width": WIDTH,
                  "formula": "value(c, y, x) = (7x + 13y + 61c + (x*y mod 29)) mod 256"},
        "torch": torch.__version__,
        "logits": [float("%.9g" % v) for v in logits],
    }
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(record, fh, indent=2)
        fh.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
