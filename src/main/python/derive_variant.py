#!/usr/bin/env python3
"""Derive a bf16 and/or channels-last variant of a frozen fp32 DermRead TorchScript model.

DJL has no autocast, so reduced precision and the channels-last memory format reach libtorch as a second
TorchScript file: the model of record (the fp32 file) with its graph rewritten. Deriving the variant from the
fp32 file itself, not from a checkpoint, means any registered model can get one, and the variant's manifest
names the exact file it came from (``variant.of_sha256``).

The rewrite, on the frozen graph of ``forward``:

* everything before the first convolution (the model's own resize and normalisation) stays in fp32;
* a cast is inserted before the first convolution: to bfloat16 for ``--precision bf16``, to the channels-last
  memory format for ``--memory-format channels_last`` (one ``aten::to`` does both);
* every floating-point constant used after that point (folded convolution weights and biases, linear layers)
  is converted to bfloat16, and 4-D constants (convolution weights) to channels-last;
* each of the three outputs is cast back to float32, so the contract (float32 in, float32 out) is unchanged.

The input tensor stays float32 NCHW 0..255 as the contract says; the Java side does not change.

Example:
  /usr/bin/python3 src/main/python/derive_variant.py \\
      --model src/main/resources/models/demo-skin-cnn/demo-skin-cnn.pt --precision bf16 \\
      --out-dir src/main/resources/models/demo-skin-cnn/variants --images study-sets/demo/images

writes <out-dir>/<name>.<variant>.pt and .json, where <variant> is ``bf16``, ``channels_last`` or
``bf16-channels_last``, and prints one JSON line (sizes, SHA-256, agreement with the fp32 file in Python on the
given images). The agreement DermRead relies on is measured again by the Java side at registration, on the
engine that will run the variant.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import sys

import numpy as np
import torch

BFLOAT16 = 15  # c10::ScalarType::BFloat16
FLOAT32 = 6  # c10::ScalarType::Float
CHANNELS_LAST = 2  # c10::MemoryFormat::ChannelsLast
CONVOLUTIONS = ("aten::_convolution", "aten::conv2d", "aten::convolution")


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def variant_name(precision: str, memory_format: str) -> str:
    parts = []
    if precision == "bf16":
        parts.append("bf16")
    if memory_format == "channels_last":
        parts.append("channels_last")
    if not parts:
        raise ValueError("an fp32 contiguous variant is the model itself: choose bf16 and/or channels_last")
    return "-".join(parts)


def rewrite(module: torch.jit.ScriptModule, precision: str, memory_format: str) -> dict:
    """Rewrites ``module``'s frozen forward graph in place; returns counts for the report."""
    bf16 = precision == "bf16"
    channels_last = memory_format == "channels_last"
    graph = module.graph
    nodes = list(graph.nodes())
    if any(n.kind() in ("prim::GetAttr", "prim::CallMethod") for n in nodes):
        raise ValueError("the model is not frozen (its graph reads attributes): export it with torch.jit.freeze")
    first = next((i for i, n in enumerate(nodes) if n.kind() in CONVOLUTIONS), None)
    if first is None:
        raise ValueError("no convolution in the model's graph: nothing to derive a variant for")
    preprocessing = nodes[:first]
    conv = nodes[first]
    x = conv.inputsAt(0)
    with graph.insert_point_guard(conv):
        cast = graph.insert("aten::to", [x, graph.insertConstant(BFLOAT16 if bf16 else FLOAT32),
                                         graph.insertConstant(False), graph.insertConstant(False),
                                         graph.insertConstant(CHANNELS_LAST) if channels_last
                                         else graph.insertConstant(None)])
    x.replaceAllUsesAfterNodeWith(cast.node(), cast)

    used_by_preprocessing = {value.unique() for n in preprocessing for value in n.inputs()}
    converted = 0
    for node in nodes:
        if node.kind() != "prim::Constant" or not node.hasAttribute("value") or node.kindOf("value") != "t":
            continue
        tensor = node.t("value")
        if not tensor.is_floating_point() or node.output().unique() in used_by_preprocessing:
            continue
        if bf16:
            tensor = tensor.to(torch.bfloat16)
        if channels_last and tensor.dim() == 4:
            tensor = tensor.contiguous(memory_format=torch.channels_last)
        node.t_("value", tensor)
        converted += 1

    if bf16:
        tuple_node = graph.return_node().inputsAt(0).node()
        if tuple_node.kind() != "prim::TupleConstruct":
            raise ValueError("the model does not return a tuple (logits, aux_logits, embedding)")
        with graph.insert_point_guard(tuple_node):
            for i, output in enumerate(list(tuple_node.inputs())):
                back = graph.insert("aten::to", [output, graph.insertConstant(FLOAT32), graph.insertConstant(False),
                                                 graph.insertConstant(False), graph.insertConstant(None)])
                tuple_node.replaceInput(i, back)
    graph.lint()
    return {"constants_converted": converted, "preprocessing_nodes_kept_fp32": len(preprocessing)}


def decode(path: str) -> torch.Tensor:
    from PIL import Image

    with Image.open(path) as im:
        arr = np.asarray(im.convert("RGB"), dtype=np.float32)
    return torch.from_numpy(arr).permute(2, 0, 1).unsqueeze(0)


def agreement(reference: torch.jit.ScriptModule, variant: torch.jit.ScriptModule, inputs) -> dict:
    """Argmax agreement and |delta p| of the variant against the fp32 model, in this Python."""
    deltas, same, n = [], 0, 0
    with torch.inference_mode():
        for x in inputs:
            p = torch.softmax(reference(x)[0].float(), dim=1)
            q = torch.softmax(variant(x)[0].float(), dim=1)
            deltas.append(float((p - q).abs().max()))
            same += int((p.argmax(1) == q.argmax(1)).sum())
            n += p.shape[0]
    return {"images": n, "argmax_agreement": same / n if n else None,
            "max_abs_dp": max(deltas) if deltas else None,
            "p99_abs_dp": float(np.percentile(deltas, 99)) if deltas else None}


def derive(model_path: str, manifest_path: str, precision: str, memory_format: str, out_dir: str,
           images=None) -> dict:
    with open(manifest_path, encoding="utf-8") as fh:
        manifest = json.load(fh)
    if "variant" in manifest:
        raise ValueError(f"{manifest_path} describes a variant itself: derive from the fp32 model of record")
    name = variant_name(precision, memory_format)
    module = torch.jit.load(model_path, map_location="cpu").eval()
    report = rewrite(module, precision, memory_format)
    os.makedirs(out_dir, exist_ok=True)
    base = manifest["name"]
    pt_path = os.path.join(out_dir, f"{base}.{name}.pt")
    json_path = os.path.join(out_dir, f"{base}.{name}.json")
    buffer = io.BytesIO()
    torch.jit.save(module, buffer)
    with open(pt_path, "wb") as fh:
        fh.write(buffer.getvalue())

    derived = dict(manifest)
    derived["variant"] = {
        "of_sha256": sha256_file(model_path),
        "precision": precision,
        "memory_format": memory_format,
        "derived_by": "derive_variant.py",
        "framework": f"torch {torch.__version__}",
    }
    derived["note"] = (manifest.get("note", "") + "; " if manifest.get("note") else "") + (
        f"{name} variant of the fp32 model of record {derived['variant']['of_sha256']}: same contract "
        "(float32 in, float32 out); computed inside in " + ("bfloat16" if precision == "bf16" else "float32")
        + (" with channels-last weights" if memory_format == "channels_last" else ""))
    with open(json_path, "w", encoding="utf-8") as fh:
        json.dump(derived, fh, indent=2)
        fh.write("\n")

    reference = torch.jit.load(model_path, map_location="cpu").eval()
    variant = torch.jit.load(pt_path, map_location="cpu").eval()
    if images:
        paths = sorted(os.path.join(r, f) for r, _, fs in os.walk(images) for f in fs
                       if f.lower().endswith((".jpg", ".jpeg", ".png")))
        inputs = [decode(p) for p in paths]
    else:
        g = torch.Generator().manual_seed(0)
        inputs = [torch.rand(1, 3, 200, 150, generator=g) * 255 for _ in range(4)]
    report.update({"pt": pt_path, "json": json_path, "variant": name, "bytes": os.path.getsize(pt_path),
                   "sha256": sha256_file(pt_path), "of_sha256": derived["variant"]["of_sha256"],
                   "python_check": agreement(reference, variant, inputs)})
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="the frozen fp32 TorchScript file (model of record)")
    ap.add_argument("--manifest", default=None, help="its manifest (default: the .pt path with .json)")
    ap.add_argument("--precision", choices=("fp32", "bf16"), default="bf16")
    ap.add_argument("--memory-format", choices=("contiguous", "channels_last"), default="contiguous")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--images", default=None, help="folder of images for a Python-side agreement check")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    manifest = args.manifest or os.path.splitext(args.model)[0] + ".json"
    print(json.dumps(derive(args.model, manifest, args.precision, args.memory_format, args.out_dir, args.images)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
