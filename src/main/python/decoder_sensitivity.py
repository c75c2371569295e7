#!/usr/bin/env python3
"""How much do a model's probabilities move when decoded pixels move by +-1?

JPEG decoders (Pillow/libjpeg-turbo here, Java ImageIO in the app) may differ by +-1 per channel
value. This perturbs the Pillow-decoded pixels and reports the largest absolute change of any
class probability over the images, for:

  random   every channel value independently +-1 or 0 (uniform), several seeded trials per image
  plus1    every value +1 (clipped at 255)
  minus1   every value -1 (clipped at 0)

Optionally (--raw-dir) it also compares against pixels decoded by another decoder, given as raw
files <raw-dir>/<image path>.rgb holding H*W*3 bytes in RGB order (row-major), e.g. written by
Java ImageIO: it reports how many values differ, by how much, and the resulting probability change.

Example:
  /usr/bin/python3 src/main/python/decoder_sensitivity.py \\
      --model src/main/resources/models/demo-skin-cnn/demo-skin-cnn.pt --folder study-sets/demo --manifest
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import torch

import reference_predict as rp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--folder", required=True)
    ap.add_argument("--manifest", action="store_true", help="images from <folder>/manifest.csv")
    ap.add_argument("--trials", type=int, default=3, help="random +-1 trials per image")
    ap.add_argument("--raw-dir", default=None, help="raw RGB pixels from another decoder (see above)")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)

    torch.set_num_threads(args.threads)
    model = rp.load_model(args.model)
    images = rp.images_from_manifest(args.folder) if args.manifest else rp.images_in_folder(args.folder)
    g = torch.Generator().manual_seed(0)
    worst = {"random": 0.0, "plus1": 0.0, "minus1": 0.0}
    flips = {k: 0 for k in worst}
    raw = {"images": 0, "values_differing": 0, "values_total": 0, "max_pixel_diff": 0, "max_prob_diff": 0.0,
           "argmax_changes": 0}
    for rel in images:
        x = rp.load_pixels(os.path.join(args.folder, rel))
        p0 = rp.probabilities(model, x)
        variants = {"plus1": (x + 1).clamp(0, 255), "minus1": (x - 1).clamp(0, 255)}
        for _ in range(args.trials):
            noise = torch.randint(-1, 2, x.shape, generator=g).float()
            p = rp.probabilities(model, (x + noise).clamp(0, 255))
            worst["random"] = max(worst["random"], float((p - p0).abs().max()))
            flips["random"] += int(p.argmax() != p0.argmax())
        for k, xv in variants.items():
            p = rp.probabilities(model, xv)
            worst[k] = max(worst[k], float((p - p0).abs().max()))
            flips[k] += int(p.argmax() != p0.argmax())
        if args.raw_dir:
            path = os.path.join(args.raw_dir, rel + ".rgb")
            h, w = x.shape[2], x.shape[3]
            other = np.fromfile(path, dtype=np.uint8).reshape(h, w, 3)
            xo = torch.from_numpy(other.astype(np.float32)).permute(2, 0, 1).unsqueeze(0)
            d = (xo - x).abs()
            raw["images"] += 1
            raw["values_differing"] += int((d > 0).sum())
            raw["values_total"] += d.numel()
            raw["max_pixel_diff"] = max(raw["max_pixel_diff"], int(d.max()))
            p = rp.probabilities(model, xo)
            raw["max_prob_diff"] = max(raw["max_prob_diff"], float((p - p0).abs().max()))
            raw["argmax_changes"] += int(p.argmax() != p0.argmax())
    report = {"images": len(images), "trials_random": args.trials,
              "max_abs_prob_change": worst, "argmax_changes": flips}
    if args.raw_dir:
        report["other_decoder"] = raw
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
