#!/usr/bin/env python3
"""Train the small DermRead demo model on SYNTHETIC images and export it with the model contract.

1. Generates a training set with generate_demo_set.py under a different seed than the committed
   demo set (default seed 2, 60 images per class; written to --train-dir, never committed).
2. Splits it (stratified, seeded) into training and validation parts.
3. Trains TinyDermNet inside the serving wrapper (so training sees exactly the serving
   preprocessing: 0..255 RGB in, resize + normalise inside), on CPU, with deep supervision from the
   seven auxiliary heads; the epoch kept is the one with the best validation accuracy.
   The demo is meant to look like a reader study: a model about as accurate as a good dermatologist
   (issue 16: top-1 around 0.75-0.85, per-class one-vs-rest AUCs mostly 0.85-0.97), not a perfect one.
   Versions 2.0.0 (fewer training images) and 2.1.0 (25 % of the training labels replaced at random) could not
   get there: on images that always show their class's hallmarks a small CNN ranks almost perfectly (AUCs up to
   0.997), and a weaker model is merely less accurate. Since version 2.2.0 the data carry the difficulty, as real
   data do: generator v2 draws 15 % of each class as an atypical presentation that looks like a look-alike class
   (generate_demo_set.py, LOOK_ALIKES), in the training, validation and demo sets alike; the training labels
   are otherwise clean (--label-noise-candidates 0).
   The training-set size (--per-class-candidates, the first k images of each class of the training
   part) and the noise share (--label-noise-candidates) are settings chosen on VALIDATION: one model
   is trained for each candidate, and the one minimising |validation accuracy - --target-accuracy| +
   |validation mean AUC - --target-auc| is kept. --validation-only trains the candidates and prints their
   validation figures without exporting or touching the demo set.
4. Exports it (traced + frozen TorchScript + manifest) through export_model.export.
5. Evaluates the EXPORTED file once on the committed demo set (study-sets/demo) with the reference
   pipeline (reference_predict.py): top-1 accuracy, per-class accuracy and one-vs-rest AUC (Mann-Whitney,
   ties 1/2), and writes training-record.json. The demo set is never used for any choice made in training.

Example (the committed version 2.2.0, with the defaults: 48 training images per class, clean labels, up to 60
epochs; about 10 minutes with 1 thread on 2 shared cores):
  /usr/bin/python3 src/main/python/train_demo_model.py --threads 1
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import multiprocessing
import os
import platform
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

import generate_demo_set
import reference_predict
from dermread_model import CLASSES, NUM_CLASSES, build_serving_model
from export_model import export

ARCH = "tiny_dermnet_aux7"
AUX_WEIGHT = 0.3  # total weight of the seven auxiliary losses (averaged) against the main loss
NOTE = ("DEMO MODEL trained on SYNTHETIC drawings only (src/main/python/generate_demo_set.py); "
        "it has never seen a real skin image, is NOT a medical device and must not be used for diagnosis")


def read_set(folder: str):
    with open(os.path.join(folder, "manifest.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    x = np.stack([reference_predict.load_pixels(os.path.join(folder, r["image"]))[0].numpy().astype(np.uint8)
                  for r in rows])
    y = np.array([CLASSES.index(r["diagnosis"]) for r in rows], dtype=np.int64)
    return rows, torch.from_numpy(x), torch.from_numpy(y)


def same_training_set(folder: str, seed: int, per_class: int, classes) -> bool:
    """Whether ``folder`` already holds the set the generator would write (same version, seed, count, classes);
    the generator is byte-reproducible, so it is reused instead of drawn again (minutes on a loaded machine)."""
    try:
        with open(os.path.join(folder, "set.json"), encoding="utf-8") as fh:
            generator = json.load(fh).get("generator", "")
        with open(os.path.join(folder, "manifest.csv"), encoding="utf-8") as fh:
            rows = sum(1 for _ in fh) - 1
    except (OSError, ValueError):
        return False
    expected = (f"generate_demo_set.py v{generate_demo_set.GENERATOR_VERSION} --seed {seed} --per-class {per_class} "
                f"--classes {','.join(classes)}")
    return generator == expected and rows == per_class * len(classes)


def stratified_split(y: torch.Tensor, val_fraction: float, seed: int):
    rng = np.random.default_rng(seed)
    train_idx, val_idx = [], []
    for c in sorted(set(y.tolist())):
        idx = np.flatnonzero(y.numpy() == c)
        rng.shuffle(idx)
        n_val = int(round(len(idx) * val_fraction))
        val_idx += idx[:n_val].tolist()
        train_idx += idx[n_val:].tolist()
    return torch.tensor(sorted(train_idx)), torch.tensor(sorted(val_idx))


def augment(x: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    """Dermoscopy has no up or down: random flips and 90-degree turns; mild colour and exposure jitter."""
    x = x.float()
    n = x.shape[0]
    flip_h = torch.rand(n, generator=g) < 0.5
    flip_v = torch.rand(n, generator=g) < 0.5
    x[flip_h] = x[flip_h].flip(3)
    x[flip_v] = x[flip_v].flip(2)
    if torch.rand(1, generator=g).item() < 0.5:
        x = x.transpose(2, 3)
    gain = 1 + (torch.rand(n, 3, 1, 1, generator=g) - 0.5) * 0.12
    offset = (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 20
    return (x * gain + offset).clamp(0, 255)


def loss_fn(outputs, y):
    logits, aux, _ = outputs
    main = F.cross_entropy(logits, y)
    aux_loss = F.cross_entropy(aux.reshape(-1, NUM_CLASSES), y.repeat_interleave(aux.shape[1]))
    return main + AUX_WEIGHT * aux_loss


def evaluate(model, x, y, batch=64, with_auc=False):
    """Top-1 accuracy and mean cross-entropy on (x, y); with ``with_auc`` also the mean one-vs-rest AUC."""
    model.eval()
    correct, loss, n, probs = 0, 0.0, len(y), []
    with torch.no_grad():
        for i in range(0, n, batch):
            out = model(x[i:i + batch].float())
            loss += F.cross_entropy(out[0], y[i:i + batch], reduction="sum").item()
            correct += (out[0].argmax(1) == y[i:i + batch]).sum().item()
            probs += torch.softmax(out[0], 1).tolist()
    if not with_auc:
        return correct / n, loss / n
    auc = one_vs_rest_auc([CLASSES[c] for c in y.tolist()], probs)
    return correct / n, loss / n, sum(auc.values()) / len(auc), auc


def noisy_labels(y: torch.Tensor, fraction: float, seed: int) -> torch.Tensor:
    """A copy of y in which a seeded random ``fraction`` of the labels is replaced by another drawn class.

    Why: trained on clean synthetic labels the demo model ranks too well (one-vs-rest AUCs up to 0.999 at top-1
    0.77) for a demo meant to look like a reader study. Real dermatology training labels are noisy (a single
    dermatologist's diagnosis disagrees with histopathology or with colleagues in a sizeable share of cases;
    Tschandl et al., Nat Med 2020; Esteva et al., Nature 2017 train on such labels), and a small network fits the
    noisy labels it is shown (Zhang et al., "Understanding deep learning requires rethinking generalization",
    ICLR 2017). Memorised wrong labels would make the model confidently wrong on similar images, so a wrong answer
    would no longer keep a high probability for the truth and the AUCs would fall towards those of a reader's single
    answer (not reached with 25 % noise in 40 epochs, where the noisy labels were not memorised). The
    replacement class is uniform over the other drawn classes (symmetric noise); validation labels stay clean.
    """
    y = y.clone()
    if fraction <= 0:
        return y
    rng = np.random.default_rng(seed)
    drawn = sorted(set(y.tolist()))
    flip = rng.choice(len(y), int(round(fraction * len(y))), replace=False)
    for i in flip:
        y[i] = int(rng.choice([c for c in drawn if c != y[i].item()]))
    return y


def per_class_accuracy(truth, predicted):
    result = {}
    for c in CLASSES:
        idx = [i for i, t in enumerate(truth) if t == c]
        if idx:
            result[c] = {"n": len(idx), "correct": sum(predicted[i] == c for i in idx),
                         "accuracy": round(sum(predicted[i] == c for i in idx) / len(idx), 4)}
    return result


def one_vs_rest_auc(truth, probabilities):
    """Per class present in ``truth``: the AUC of its probability, one-vs-rest (Mann-Whitney, ties count 1/2)."""
    result = {}
    for c in CLASSES:
        k = CLASSES.index(c)
        pos = [p[k] for t, p in zip(truth, probabilities) if t == c]
        neg = [p[k] for t, p in zip(truth, probabilities) if t != c]
        if pos and neg:
            wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
            result[c] = round(float(wins) / (len(pos) * len(neg)), 4)
    return result


def first_per_class(idx: torch.Tensor, y: torch.Tensor, k: int) -> torch.Tensor:
    """The first k indices of each class among idx, in file order (an arbitrary, fixed subset)."""
    keep = []
    for c in sorted(set(y[idx].tolist())):
        keep += [i for i in idx.tolist() if y[i].item() == c][:k]
    return torch.tensor(sorted(keep))


def train_one(args, x_tr, y_tr, x_val, y_val, label: str):
    """Trains one model; returns it with the weights of its best validation epoch, that epoch and the history."""
    torch.manual_seed(args.seed)
    model = build_serving_model(ARCH)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    steps_per_epoch = (len(y_tr) + args.batch_size - 1) // args.batch_size
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, epochs=args.epochs,
                                                steps_per_epoch=steps_per_epoch, pct_start=0.2)
    g = torch.Generator().manual_seed(args.seed)
    history, best = [], None
    for epoch in range(1, args.epochs + 1):
        model.train()
        perm = torch.randperm(len(y_tr), generator=g)
        t0, total, correct = time.perf_counter(), 0.0, 0
        for i in range(0, len(perm), args.batch_size):
            b = perm[i:i + args.batch_size]
            out = model(augment(x_tr[b], g))
            loss = loss_fn(out, y_tr[b])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(b)
            correct += (out[0].argmax(1) == y_tr[b]).sum().item()
        val_acc, val_loss, val_auc, val_auc_per_class = evaluate(model, x_val, y_val, with_auc=True)
        rec = {"epoch": epoch, "train_loss": round(total / len(y_tr), 4), "train_acc": round(correct / len(y_tr), 4),
               "val_loss": round(val_loss, 4), "val_acc": round(val_acc, 4), "val_auc_mean": round(val_auc, 4),
               "seconds": round(time.perf_counter() - t0, 1)}
        history.append(rec)
        print(label, json.dumps(rec), file=sys.stderr)
        if best is None or (val_acc, -val_loss) > (best["val_acc"], -best["val_loss"]):
            best = dict(rec, val_auc_per_class=val_auc_per_class,
                        state={k: v.clone() for k, v in model.state_dict().items()})
    model.load_state_dict(best["state"])
    model.eval()
    return model, best, history


def train_candidate(args, x_all, y_all, train_idx, x_val, y_val, k: int, noise: float):
    """One candidate of the sweep: the first k training images of each class, a share ``noise`` of their labels
    replaced (noisy_labels); returns the indices used, the best epoch (with its weights) and the history."""
    torch.set_num_threads(args.threads)
    part = first_per_class(train_idx, y_all, k)
    y_noisy = noisy_labels(y_all[part], noise, args.seed)
    _, best, history = train_one(args, x_all[part], y_noisy, x_val, y_val, f"[{k}/class, noise {noise}]")
    return part, best, history


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-seed", type=int, default=2, help="seed of the generated training set (demo set: 1)")
    ap.add_argument("--per-class", type=int, default=60, help="images per class generated (training + validation)")
    ap.add_argument("--per-class-candidates", default="48",
                    help="training images per class to try; the one closest to --target-accuracy on validation is kept")
    ap.add_argument("--target-accuracy", type=float, default=0.80,
                    help="validation top-1 accuracy aimed at (about a good dermatologist's; issue 16)")
    ap.add_argument("--label-noise-candidates", default="0",
                    help="shares of training labels replaced by another class (noisy_labels) to try")
    ap.add_argument("--target-auc", type=float, default=0.91,
                    help="mean one-vs-rest validation AUC aimed at (issue 16: per-class AUCs mostly 0.85-0.97)")
    ap.add_argument("--jobs", type=int, default=1, help="candidates trained in parallel (processes)")
    ap.add_argument("--validation-only", action="store_true",
                    help="train the candidates and print their validation figures; no export, no demo-set figures")
    ap.add_argument("--train-dir", default="/tmp/dermread-demo-train")
    ap.add_argument("--demo-dir", default="study-sets/demo", help="held-out set, evaluated once at the end")
    ap.add_argument("--out-dir", default="src/main/resources/models/demo-skin-cnn")
    ap.add_argument("--name", default="demo-skin-cnn")
    ap.add_argument("--version", default="2.2.0")
    ap.add_argument("--seed", type=int, default=0, help="torch seed (initialisation, batches, augmentation)")
    ap.add_argument("--epochs", type=int, default=60, help="maximum epochs; the best on validation is kept")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--val-fraction", type=float, default=0.2)
    ap.add_argument("--threads", type=int, default=1,
                    help="torch threads (2.0.0 and 2.2.0 were trained with 1, 2.1.0 with 2; OpenMP threads thrash on "
                         "shared cores)")
    ap.add_argument("--earlier-runs", default=None,
                    help="a JSON file with a list of earlier runs of this version (settings, validation and demo-set "
                         "figures, why they were not kept), copied into the record so that it tells the whole story")
    args = ap.parse_args(argv)
    earlier_runs = []
    if args.earlier_runs:
        with open(args.earlier_runs, encoding="utf-8") as fh:
            earlier_runs = json.load(fh)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True, warn_only=True)
    started = time.perf_counter()

    if args.data_seed == 1:
        raise SystemExit("seed 1 is the committed demo (test) set; train on another seed")
    classes_drawn = generate_demo_set.DEFAULT_CLASSES
    if not same_training_set(args.train_dir, args.data_seed, args.per_class, classes_drawn):
        generate_demo_set.write_set(args.train_dir, args.data_seed, args.per_class, classes_drawn,
                                    f"DermRead synthetic training set (seed {args.data_seed})",
                                    "Synthetic training images for the demo model; not committed.", readme=False)
    _, x_all, y_all = read_set(args.train_dir)
    train_idx, val_idx = stratified_split(y_all, args.val_fraction, args.seed)
    x_tr, y_tr, x_val, y_val = x_all[train_idx], y_all[train_idx], x_all[val_idx], y_all[val_idx]
    print(f"data: {len(y_tr)} train / {len(y_val)} validation images ({time.perf_counter() - started:.1f} s)",
          file=sys.stderr)

    grid = [(int(k), float(noise)) for k in args.per_class_candidates.split(",")
            for noise in args.label_noise_candidates.split(",")]
    jobs = [(args, x_all, y_all, train_idx, x_val, y_val, k, noise) for k, noise in grid]
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = pool.starmap(train_candidate, jobs)
    else:
        results = [train_candidate(*job) for job in jobs]
    sweep, chosen = [], None
    for (k, noise), (part, best_k, history_k) in zip(grid, results):
        entry = {"train_per_class": k, "label_noise": noise, "train_images": int(len(part)),
                 "selected_epoch": best_k["epoch"], "val_acc": best_k["val_acc"], "val_loss": best_k["val_loss"],
                 "val_auc_mean": best_k["val_auc_mean"], "val_auc_per_class": best_k["val_auc_per_class"]}
        sweep.append(entry)
        print(json.dumps(entry), file=sys.stderr)
        distance = abs(best_k["val_acc"] - args.target_accuracy) + abs(best_k["val_auc_mean"] - args.target_auc)
        if chosen is None or distance <= chosen[0] + 1e-12:
            chosen = (distance, k, noise, part, best_k, history_k)
    _, chosen_k, chosen_noise, chosen_part, best, history = chosen
    if args.validation_only:
        print(json.dumps({"chosen": {"train_per_class": chosen_k, "label_noise": chosen_noise}, "sweep": sweep,
                          "seconds": round(time.perf_counter() - started, 1)}))
        return 0
    model = build_serving_model(ARCH)
    model.load_state_dict(best["state"])
    model.eval()
    x_tr, y_tr = x_all[chosen_part], y_all[chosen_part]  # clean labels: the training accuracy reported is honest
    train_seconds = time.perf_counter() - started

    torch.save(best["state"], os.path.join(args.train_dir, "chosen-state.pt"))
    train_acc, _ = evaluate(model, x_tr, y_tr)
    report = export(model, ARCH, args.out_dir, args.name, args.version, "trained", freeze=True, note=NOTE)

    # Held-out evaluation of the exported file, through the reference pipeline (Pillow decode).
    module = reference_predict.load_model(report["pt"])
    with open(os.path.join(args.demo_dir, "manifest.csv"), encoding="utf-8", newline="") as fh:
        demo_rows = list(csv.DictReader(fh))
    preds = reference_predict.predict(module, args.demo_dir, [r["image"] for r in demo_rows])
    truth = [r["diagnosis"] for r in demo_rows]
    predicted = [CLASSES[int(np.argmax(p))] for _, p in preds]
    demo_auc = one_vs_rest_auc(truth, [p for _, p in preds])
    demo_acc = sum(t == p for t, p in zip(truth, predicted)) / len(truth)
    confusion = {t: {} for t in classes_drawn}
    for t, p in zip(truth, predicted):
        confusion[t][p] = confusion[t].get(p, 0) + 1
    with open(os.path.join(args.demo_dir, "set.json"), encoding="utf-8") as fh:
        demo_seed = json.load(fh).get("seed")

    record = {
        "model": args.name,
        "version": args.version,
        "architecture": ARCH,
        "note": NOTE,
        "date": dt.date.today().isoformat(),
        "torch": torch.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "threads": args.threads,
        "seed": args.seed,
        "data": {
            "generator": "src/main/python/generate_demo_set.py",
            "generator_version": generate_demo_set.GENERATOR_VERSION,
            "atypical_share": generate_demo_set.ATYPICAL_SHARE,
            "training_set": {"seed": args.data_seed, "per_class": args.per_class, "classes": classes_drawn,
                             "images": int(len(y_all)), "train": int(len(y_tr)), "train_per_class": chosen_k,
                             "validation": int(len(y_val)),
                             "committed": False},
            "test_set": {"folder": args.demo_dir, "seed": demo_seed, "images": len(truth)},
        },
        "training": {
            "optimizer": "AdamW", "lr_max": args.lr, "schedule": "OneCycle", "weight_decay": 1e-4,
            "batch_size": args.batch_size, "max_epochs": args.epochs, "aux_loss_weight": AUX_WEIGHT,
            "augmentation": "flips, 90-degree turns, per-channel gain +-6%, offset +-10",
            "selected_epoch": best["epoch"], "selection": "best validation accuracy (ties: lower validation loss)",
            "label_noise": {"share": chosen_noise, "kind": "symmetric: replaced by a uniformly drawn other class",
                            "seed": args.seed, "validation_labels": "clean"},
            "target_validation_accuracy": args.target_accuracy,
            "target_validation_auc_mean": args.target_auc,
            "candidate_selection": "training images per class and label-noise share: the candidate minimising "
                                   "|validation accuracy - target| + |validation mean AUC - target| (ties: the later "
                                   "candidate); the demo set played no part",
            "sweep": sweep,
            "seconds": round(train_seconds, 1), "history": history,
            "earlier_runs": earlier_runs,
        },
        "accuracy": {
            "train": round(train_acc, 4),
            "validation": best["val_acc"],
            "validation_auc_mean": best["val_auc_mean"],
            "demo_set": round(demo_acc, 4),
            "demo_set_per_class": per_class_accuracy(truth, predicted),
            "demo_set_auc_one_vs_rest": demo_auc,
            "demo_set_auc_mean": round(sum(demo_auc.values()) / len(demo_auc), 4),
            "demo_set_confusion": confusion,
        },
        "export": {k: report[k] for k in ("bytes", "sha256", "frozen")},
    }
    with open(os.path.join(args.out_dir, "training-record.json"), "w", encoding="utf-8") as fh:
        json.dump(record, fh, indent=2)
        fh.write("\n")
    print(json.dumps({"train_per_class": chosen_k, "label_noise": chosen_noise, "selected_epoch": best["epoch"],
                      "train_acc": round(train_acc, 4),
                      "val_acc": best["val_acc"], "demo_acc": round(demo_acc, 4), "demo_auc": demo_auc, "pt_bytes": report["bytes"],
                      "seconds": round(time.perf_counter() - started, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
