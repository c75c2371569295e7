#!/usr/bin/env python3
"""Reference predictions: what Python computes for a DermRead TorchScript model on given images.

Pipeline (the same one the Java side must reproduce): read the file, decode with Pillow,
``.convert("RGB")``, make a float32 tensor [1, 3, H, W] with values 0..255 (no resizing, no
normalisation: the model does both), run the model (batch 1) and apply softmax to the first
output (the main logits).

Writes CSV: ``image,LP,Rosa,...,BCC[,argmax]`` where ``image`` is the path relative to the folder
given and each probability is printed with 9 significant digits.

Examples:
  # golden file for the demo model over the demo study set (images listed by its manifest)
  /usr/bin/python3 src/main/python/reference_predict.py \\
      --model src/main/resources/models/demo-skin-cnn/demo-skin-cnn.pt \\
      --folder study-sets/demo --manifest \\
      --out src/test/resources/models/golden/demo-skin-cnn-probabilities.csv

  # the same, plus SHA-256 of every decoded image (to tell decoder from model differences)
  ... --pixel-sha256 src/test/resources/models/golden/demo-set-decoded-rgb-sha256.csv

  # any images inside a folder
  /usr/bin/python3 src/main/python/reference_predict.py --model m.pt --folder imgs a.jpg b/c.png
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
from typing import Iterable, List, Optional

import numpy as np
import torch
from PIL import Image

from dermread_model import CLASSES

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png")


def load_pixels(path: str) -> torch.Tensor:
    """Decode an image file to float32 [1, 3, H, W], RGB, 0..255."""
    with Image.open(path) as im:
        arr = np.asarray(im.convert("RGB"), dtype=np.float32)  # H, W, 3
    return torch.from_numpy(arr).permute(2, 0, 1).unsqueeze(0).contiguous()


def load_model(path: str) -> torch.jit.ScriptModule:
    return torch.jit.load(path, map_location="cpu").eval()


def probabilities(model, pixels: torch.Tensor) -> torch.Tensor:
    """Softmax of the main logits, shape [N, 14]."""
    with torch.no_grad():
        logits = model(pixels)[0]
    return torch.softmax(logits, dim=1)


def images_from_manifest(folder: str) -> List[str]:
    with open(os.path.join(folder, "manifest.csv"), encoding="utf-8", newline="") as fh:
        return [row["image"] for row in csv.DictReader(fh)]


def images_in_folder(folder: str) -> List[str]:
    found = []
    for root, _, files in os.walk(folder):
        for f in files:
            if f.lower().endswith(IMAGE_EXTENSIONS):
                found.append(os.path.relpath(os.path.join(root, f), folder).replace(os.sep, "/"))
    return sorted(found)


def predict(model, folder: str, images: Iterable[str]) -> List[tuple]:
    """[(relative image path, numpy float64[14] probabilities)] in the given order."""
    out = []
    for rel in images:
        p = probabilities(model, load_pixels(os.path.join(folder, rel)))[0]
        out.append((rel, p.double().numpy()))
    return out


def write_pixel_hashes(folder: str, images: Iterable[str], out: str) -> None:
    """image,width,height,rgb_sha256: SHA-256 of the decoded pixels as H*W*3 bytes, row-major, RGB.

    Lets a test on another platform tell a decoder difference (hash differs) from a model or
    runtime difference (hash equal, probabilities differ).
    """
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["image", "width", "height", "rgb_sha256"])
        for rel in images:
            with Image.open(os.path.join(folder, rel)) as im:
                rgb = im.convert("RGB")
                writer.writerow([rel, rgb.width, rgb.height, hashlib.sha256(rgb.tobytes()).hexdigest()])


def write_csv(rows, fh, classes: List[str], with_argmax: bool) -> None:
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(["image"] + classes + (["argmax"] if with_argmax else []))
    for rel, p in rows:
        line = [rel] + [f"{v:.9g}" for v in p]
        if with_argmax:
            line.append(classes[int(np.argmax(p))])
        writer.writerow(line)


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="TorchScript .pt file")
    ap.add_argument("--folder", required=True, help="folder the image paths are relative to")
    ap.add_argument("--manifest", action="store_true", help="take the images from <folder>/manifest.csv")
    ap.add_argument("--out", default="-", help="output CSV (default: stdout)")
    ap.add_argument("--argmax", action="store_true", help="add an argmax column (the predicted class code)")
    ap.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    ap.add_argument("--pixel-sha256", default=None, metavar="CSV",
                    help="also write the SHA-256 of each image's decoded RGB bytes to CSV")
    ap.add_argument("images", nargs="*", help="image paths relative to --folder (default: all images in it)")
    args = ap.parse_args(argv)

    torch.set_num_threads(args.threads)
    classes = CLASSES
    manifest_json = os.path.splitext(args.model)[0] + ".json"
    if os.path.exists(manifest_json):
        with open(manifest_json, encoding="utf-8") as fh:
            classes = json.load(fh)["classes"]
    if args.images:
        images = args.images
    elif args.manifest:
        images = images_from_manifest(args.folder)
    else:
        images = images_in_folder(args.folder)

    rows = predict(load_model(args.model), args.folder, images)
    if args.pixel_sha256:
        write_pixel_hashes(args.folder, images, args.pixel_sha256)
    if args.out == "-":
        write_csv(rows, sys.stdout, classes, args.argmax)
    else:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8", newline="") as fh:
            write_csv(rows, fh, classes, args.argmax)
    return 0


if __name__ == "__main__":
    sys.exit(main())
