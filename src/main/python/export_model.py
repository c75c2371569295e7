#!/usr/bin/env python3
"""Export a DermRead classifier as TorchScript (for DJL) plus a JSON manifest.

The exported module takes float32 [N, 3, H, W] RGB pixels in 0..255 (any H, W), resizes and
normalises them itself, and returns the tuple (logits [N,C], aux_logits [N,7,C], embedding [N,D]), where C is
the number of classes: by default the 14 of Zhu et al. 2021 (taxonomy zhu2021); --classes and --taxonomy export a
model over another taxonomy's codes (for example the 7 HAM10000 classes of the taxonomy isic).
It is traced in eval mode and, unless --no-freeze, frozen with torch.jit.freeze (measured on the
development machine: an unfrozen trace of EfficientNet-b4 ran 3-7x slower in DJL).

Examples:
  # the paper's architecture with random weights (CI smoke model; ~70 MB, never commit it)
  /usr/bin/python3 src/main/python/export_model.py --arch efficientnet_b4_aux7 --out-dir target/models

  # a 7-class HAM10000 / ISIC 2018 model on DermRead's isic taxonomy
  /usr/bin/python3 src/main/python/export_model.py --arch efficientnet_b4_aux7 \\
      --taxonomy isic --classes MEL,NV,BCC,AKIEC,BKL,DF,VASC --out-dir target/models

  # a trained checkpoint (a state_dict; see README.md for the accepted key layouts)
  /usr/bin/python3 src/main/python/export_model.py --arch efficientnet_b4_aux7 \\
      --checkpoint zhu2021-b4.pth --name zhu2021-b4 --version 1.0.0 --out-dir target/models

Writes <out-dir>/<name>.pt and <out-dir>/<name>.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from typing import List, Optional

import torch

from derive_variant import derive
from dermread_model import ARCHITECTURES, CLASSES, NUM_AUX, ServingModel, build_serving_model

#: --variants names -> (precision, memory format), as derive_variant.py writes them.
VARIANTS = {"bf16": ("bf16", "contiguous"), "channels_last": ("fp32", "channels_last"),
            "bf16-channels_last": ("bf16", "channels_last")}

#: The taxonomy of the default classes (Zhu et al. 2021), as DermRead names it.
DEFAULT_TAXONOMY = "zhu2021"


def note_logits(num_classes: int) -> str:
    return (f"outputs are logits, not probabilities: apply softmax over the {num_classes} classes of 'logits' "
            "(and of each row of 'aux_logits') to get probabilities")


def parse_classes(text: Optional[str]) -> List[str]:
    """The --classes argument: comma-separated codes in output order (default: the 14 of Zhu et al.)."""
    if not text:
        return list(CLASSES)
    classes = [c.strip() for c in text.split(",") if c.strip()]
    if len(classes) < 2:
        raise SystemExit("--classes needs at least two codes")
    if len(set(classes)) != len(classes):
        raise SystemExit(f"--classes lists a code twice: {classes}")
    for c in classes:
        if not (1 <= len(c) <= 8 and c[0].isalpha() and c.isalnum() and c.isascii()):
            raise SystemExit(f"--classes: {c!r} is not a diagnosis code (1-8 letters or digits, a letter first)")
    return classes


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _unwrap_state_dict(obj) -> dict:
    """Accept a bare state_dict or common training-checkpoint wrappers."""
    if isinstance(obj, torch.nn.Module):
        return obj.state_dict()
    if isinstance(obj, dict):
        for key in ("state_dict", "model_state_dict", "model", "net"):
            if key in obj and isinstance(obj[key], dict):
                return _unwrap_state_dict(obj[key])
        if all(isinstance(v, torch.Tensor) for v in obj.values()):
            return obj
    raise ValueError("checkpoint is not a state_dict (or a dict holding one under state_dict/model_state_dict/model)")


def load_checkpoint(model: ServingModel, path: str, allow_missing_aux: bool = False) -> bool:
    """Load a network state_dict into ``model.net``.

    Keys may carry a ``module.`` (DataParallel) or ``net.`` (a saved ServingModel) prefix. With
    ``allow_missing_aux`` a checkpoint of a plain torchvision efficientnet_b4 (no auxiliary heads)
    is accepted; the auxiliary heads then keep their random initialisation, and their outputs mean
    nothing. Returns whether the auxiliary heads came from the checkpoint.
    """
    raw = _unwrap_state_dict(torch.load(path, map_location="cpu"))
    state = {}
    for k, v in raw.items():
        for prefix in ("module.", "net."):
            if k.startswith(prefix):
                k = k[len(prefix):]
        if k in ("scale", "shift"):  # ServingModel's own buffers
            continue
        state[k] = v
    missing, unexpected = model.net.load_state_dict(state, strict=False)
    missing_aux = [k for k in missing if k.startswith("aux_heads.")]
    missing_other = [k for k in missing if not k.startswith("aux_heads.")]
    if unexpected or missing_other or (missing_aux and not allow_missing_aux):
        raise ValueError(f"checkpoint does not match the architecture: missing={missing[:10]}"
                         f"{'...' if len(missing) > 10 else ''} unexpected={unexpected[:10]}"
                         f"{'...' if len(unexpected) > 10 else ''}")
    if missing_aux:
        print(f"warning: checkpoint has no auxiliary heads ({len(missing_aux)} tensors missing); "
              "aux_logits are from random weights", file=sys.stderr)
    return not missing_aux


#: BatchNorm scale of the last layer of each residual branch in a random-weights export (see calibrate_batchnorm).
RESIDUAL_BRANCH_GAMMA = 0.2


def damp_residual_branches(model: torch.nn.Module, gamma: float = RESIDUAL_BRANCH_GAMMA) -> int:
    """Scale the last BatchNorm of every residual branch down to ``gamma``; returns how many were changed.

    An untrained EfficientNet-b4 adds 25 residual branches at full scale, so activations grow with depth (to
    about 6,500 at stage 6 here) and the network becomes chaotic: fp32 and fp64 logits of the same image
    differed by 281. Then any reordering of the arithmetic (channels-last, bf16, another kernel) changes the
    top class, and agreement figures mean nothing. Starting residual branches near zero is the usual remedy
    (Goyal et al., "Accurate, Large Minibatch SGD", arXiv:1706.02677, 2017, section 5.1: gamma = 0 for the last
    BatchNorm of each residual block); a small non-zero gamma keeps the branches' features in play. With it,
    fp32 and fp64 agreed to 2e-6. Only for random weights.
    """
    try:
        from torchvision.models.efficientnet import MBConv
    except ImportError:  # pragma: no cover - torchvision is required for the b4 architecture anyway
        return 0
    changed = 0
    for module in model.modules():
        if isinstance(module, MBConv) and module.use_res_connect:
            last = module.block[-1]
            bn = next((m for m in last.modules() if isinstance(m, torch.nn.BatchNorm2d)), None)
            if bn is not None:
                torch.nn.init.constant_(bn.weight, gamma)
                changed += 1
    return changed


def calibrate_batchnorm(model: ServingModel, batches: int = 2, batch_size: int = 4, seed: int = 0) -> None:
    """Give a randomly initialised network usable BatchNorm statistics.

    With fresh running statistics (mean 0, var 1) an untrained EfficientNet-b4 in eval mode lets
    its activations collapse (embeddings around 1e-20), so every image gets the same output and
    input gradients vanish. A few train-mode forward passes over seeded smooth random images fix
    that, so a random-weights test model still gives image-dependent outputs and saliency.
    Only for random weights; never for a trained checkpoint.
    """
    g = torch.Generator().manual_seed(seed)
    for m in model.modules():
        if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
            m.reset_running_stats()
            m.momentum = None  # cumulative average over the calibration batches
    model.train()
    with torch.no_grad():
        for _ in range(batches):
            model(test_images(batch_size, model.size, g))
    model.eval()


def test_images(n: int, size, generator: torch.Generator) -> torch.Tensor:
    """Image-like random inputs (0..255): smooth colour blobs plus some pixel noise."""
    h, w = size
    low = torch.rand(n, 3, 8, 8, generator=generator) * 255
    x = torch.nn.functional.interpolate(low, size=(h, w), mode="bicubic", align_corners=False)
    amp = torch.rand(n, 1, 1, 1, generator=generator) * 40
    return (x + amp * torch.randn(n, 3, h, w, generator=generator)).clamp(0, 255)


def make_manifest(model: ServingModel, name: str, version: str, arch: str, weights: str,
                  embedding_dim: int, note: Optional[str] = None, classes: Optional[List[str]] = None,
                  taxonomy: str = DEFAULT_TAXONOMY) -> dict:
    h, w = model.size
    classes = list(classes or CLASSES)
    manifest = {
        "name": name,
        "version": version,
        "architecture": arch,
        "taxonomy": taxonomy,
        "classes": classes,
        "input": {"layout": "NCHW", "dtype": "float32", "color": "RGB", "value_range": [0, 255], "size": "any"},
        "preprocessing": {
            "inside_model": True,
            "resize": [h, w],
            "interpolation": "bilinear",
            "antialias": model.antialias,
            "mean": list(model.mean),
            "std": list(model.std),
        },
        "outputs": [
            {"name": "logits", "shape": [-1, len(classes)], "kind": "logits"},
            {"name": "aux_logits", "shape": [-1, NUM_AUX, len(classes)], "kind": "logits"},
            {"name": "embedding", "shape": [-1, embedding_dim], "kind": "features"},
        ],
        "weights": weights,
        "framework": f"torch {torch.__version__}",
        "created_by": "export_model.py",
    }
    notes = [note_logits(len(classes))]
    if weights == "random":
        notes.append("RANDOM WEIGHTS (residual branches damped, BatchNorm statistics calibrated on seeded random "
                     "images): for testing the "
                     "pipeline only, its predictions mean nothing")
    if note:
        notes.append(note)
    manifest["note"] = "; ".join(notes)
    return manifest


#: The outputs a model may have, in this order; logits always, the other two optional.
OUTPUTS = ("logits", "aux_logits", "embedding")


class SelectedOutputs(torch.nn.Module):
    """Keeps some of the serving model's outputs (logits always first): a model without auxiliary heads or without
    an embedding. One output is returned as a plain tensor, several as a tuple."""

    def __init__(self, model: ServingModel, outputs: List[str]):
        super().__init__()
        self.model = model
        self.size = model.size
        self.antialias = model.antialias
        self.mean = model.mean
        self.std = model.std
        self.indices = [OUTPUTS.index(o) for o in outputs]

    def forward(self, x):
        out = self.model(x)
        if len(self.indices) == 1:
            return out[0]
        return tuple(out[i] for i in self.indices)


def parse_outputs(text: Optional[str]) -> List[str]:
    """The --outputs argument: logits, then optionally aux_logits and embedding, in that order."""
    if not text:
        return list(OUTPUTS)
    outputs = [o.strip() for o in text.split(",") if o.strip()]
    if not outputs or outputs[0] != "logits" or any(o not in OUTPUTS for o in outputs) \
            or [OUTPUTS.index(o) for o in outputs] != sorted(set(OUTPUTS.index(o) for o in outputs)):
        raise SystemExit(f"--outputs must be logits, then optionally aux_logits and embedding in this order: {text!r}")
    return outputs


def export(model: ServingModel, arch: str, out_dir: str, name: str, version: str, weights: str,
           freeze: bool = True, note: Optional[str] = None, example_hw=(300, 400),
           classes: Optional[List[str]] = None, taxonomy: str = DEFAULT_TAXONOMY,
           outputs: Optional[List[str]] = None) -> dict:
    """Trace (and freeze) ``model``, write <name>.pt and <name>.json; return a small report."""
    os.makedirs(out_dir, exist_ok=True)
    outputs = list(outputs or OUTPUTS)
    full = model.eval()
    model = (SelectedOutputs(full, outputs) if outputs != list(OUTPUTS) else full).eval()
    # Any example size works: the first op resizes to a constant size, so no shape is baked in.
    example = test_images(1, example_hw, torch.Generator().manual_seed(0))
    t0 = time.perf_counter()
    with torch.no_grad():
        eager = model(example)
        traced = torch.jit.trace(model, example, check_trace=False)
        module = torch.jit.freeze(traced) if freeze else traced
    t_trace = time.perf_counter() - t0

    # Check against eager at the trace size and at a different size (no baked-in shapes).
    other = test_images(1, (257, 193), torch.Generator().manual_seed(1))
    with torch.no_grad():
        diffs = []
        for x, ref in ((example, eager), (other, model(other))):
            got = module(x)
            got = got if isinstance(got, tuple) else (got,)
            ref = ref if isinstance(ref, tuple) else (ref,)
            if len(got) != len(outputs):
                raise RuntimeError(f"exported module must return {len(outputs)} outputs, returned {len(got)}")
            # relative to the output's scale: random-weight outputs can be large
            diffs.append(max(float((a - b).abs().max() / (b.abs().max() + 1)) for a, b in zip(got, ref)))
    if max(diffs) > 1e-4:
        raise RuntimeError(f"exported module differs from eager model by {max(diffs)}")
    with torch.no_grad():
        every = full(example)
    embedding_dim = int(every[2].shape[1])
    if classes is not None and int(every[0].shape[1]) != len(classes):
        raise RuntimeError(f"the network has {int(every[0].shape[1])} outputs, the class list {len(classes)}")

    pt_path = os.path.join(out_dir, f"{name}.pt")
    json_path = os.path.join(out_dir, f"{name}.json")
    torch.jit.save(module, pt_path)
    manifest = make_manifest(full, name, version, arch, weights, embedding_dim, note, classes, taxonomy)
    manifest["outputs"] = [o for o in manifest["outputs"] if o["name"] in outputs]
    with open(json_path, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
        fh.write("\n")
    return {
        "pt": pt_path, "json": json_path, "frozen": freeze, "trace_and_freeze_s": round(t_trace, 2),
        "bytes": os.path.getsize(pt_path), "sha256": sha256_file(pt_path),
        "max_rel_diff_vs_eager": max(diffs),
    }


def check_input_gradient(pt_path: str, reference: Optional[ServingModel] = None, size=(240, 320),
                         cls: int = 0) -> dict:
    """Saliency check: does d logits[0, cls] / d input exist on the saved TorchScript module?

    With ``reference`` (the eager model) the gradient is also compared with the eager one.
    """
    module = torch.jit.load(pt_path, map_location="cpu").eval()
    x = test_images(1, size, torch.Generator().manual_seed(2)).requires_grad_()
    try:
        out = module(x)
        (out[0] if isinstance(out, tuple) else out)[0, cls].backward()
    except RuntimeError as e:  # e.g. frozen constants without autograd support
        return {"input_gradient": False, "error": str(e).splitlines()[0]}
    g = x.grad
    result = {"input_gradient": g is not None and bool(torch.isfinite(g).all()) and float(g.abs().sum()) > 0,
              "grad_shape": list(g.shape) if g is not None else None,
              "grad_abs_max": float(g.abs().max()) if g is not None else None}
    if reference is not None and g is not None:
        xr = x.detach().clone().requires_grad_()
        reference.eval()(xr)[0][0, cls].backward()
        result["grad_rel_diff_vs_eager"] = float((g - xr.grad).abs().max() / (xr.grad.abs().max() + 1e-30))
    return result


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arch", default="efficientnet_b4_aux7", choices=sorted(ARCHITECTURES))
    p.add_argument("--size", type=int, default=None,
                   help="network input size in pixels (square); default 380 for b4, 128 for the demo net")
    p.add_argument("--checkpoint", default=None, help="PyTorch state_dict (.pth); random weights if omitted")
    p.add_argument("--allow-missing-aux", action="store_true",
                   help="accept a checkpoint without auxiliary heads (they stay random)")
    p.add_argument("--classes", default=None,
                   help="comma-separated class codes in output order (default: the 14 of Zhu et al. 2021); codes "
                        "of --taxonomy as DermRead has them, e.g. MEL,NV,BCC,AKIEC,BKL,DF,VASC")
    p.add_argument("--taxonomy", default=DEFAULT_TAXONOMY,
                   help=f"the DermRead taxonomy the classes come from (default {DEFAULT_TAXONOMY}; isic for "
                        "HAM10000 / ISIC)")
    p.add_argument("--outputs", default=None,
                   help="outputs to keep: logits, then optionally aux_logits and embedding (default all three), "
                        "e.g. logits or logits,embedding")
    p.add_argument("--name", default=None, help="file base name and manifest name (default: the arch)")
    p.add_argument("--version", default="0.0.0")
    p.add_argument("--out-dir", default="target/models")
    p.add_argument("--no-freeze", action="store_true", help="save the plain trace instead of a frozen module")
    p.add_argument("--no-antialias", action="store_true", help="resize without antialiasing")
    p.add_argument("--seed", type=int, default=0, help="seed for random weights (default 0)")
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    p.add_argument("--note", default=None, help="extra text for the manifest's note")
    p.add_argument("--check-gradient", action="store_true", help="also check input gradients on the saved file")
    p.add_argument("--variants", default="",
                   help="comma-separated variants to derive from the exported fp32 file (derive_variant.py): "
                        "bf16, channels_last, bf16-channels_last; written to <out-dir>/<name>.variants/<variant>/")
    args = p.parse_args(argv)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    t0 = time.perf_counter()
    classes = parse_classes(args.classes)
    model = build_serving_model(args.arch, args.size, antialias=not args.no_antialias, num_classes=len(classes))
    weights = "random"
    notes = [args.note] if args.note else []
    if not args.checkpoint:
        damp_residual_branches(model)
        calibrate_batchnorm(model, seed=args.seed)
    else:
        if not load_checkpoint(model, args.checkpoint, args.allow_missing_aux):
            notes.append("the checkpoint had no auxiliary heads: aux_logits come from RANDOM weights, ignore them")
        weights = f"checkpoint:{sha256_file(args.checkpoint)}"
    t_build = time.perf_counter() - t0
    report = export(model, args.arch, args.out_dir, args.name or args.arch, args.version, weights,
                    freeze=not args.no_freeze, note="; ".join(notes) or None, classes=classes,
                    taxonomy=args.taxonomy, outputs=parse_outputs(args.outputs))
    report["build_s"] = round(t_build, 2)
    if args.check_gradient:
        report.update(check_input_gradient(report["pt"], model))
    variants = []
    for variant in (v.strip() for v in args.variants.split(",") if v.strip()):
        if variant not in VARIANTS:
            raise SystemExit(f"unknown variant {variant!r}; known: {sorted(VARIANTS)}")
        precision, memory_format = VARIANTS[variant]
        out = os.path.join(args.out_dir, f"{args.name or args.arch}.variants", variant)
        variants.append(derive(report["pt"], report["json"], precision, memory_format, out))
    if variants:
        report["variants"] = variants
    report["total_s"] = round(time.perf_counter() - t0, 2)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
