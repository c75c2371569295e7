#!/usr/bin/env python3
"""Generate a SYNTHETIC, dermoscopy-like study set for DermRead.

Nothing here comes from a patient. Every image is drawn from scratch with numpy and Pillow so that
the app, the demo model and the tests have a small, shareable, reproducible data set.

Each class gets a cartoon of its textbook dermoscopic pattern, so a person (and a small CNN) can tell
the classes apart, while per-image variation (size, position, rotation, skin tone, hue, lighting,
feature contrast, blur, hairs, noise, a dermoscope's round field of view) keeps the task from being
trivial:

  LP    violaceous flat polygonal papule crossed by white Wickham striae
  Rosa  diffuse ill-defined erythema with a polygonal network of linear red vessels
  VW    a cluster of whitish papillae, each with a red/black central dot (thrombosed capillary)
  AV    one to three red dome-shaped papules with a yellow-white pustule or a dark comedo in the centre
  KAHS  an elongated shiny pink band with linear vessels along its long axis
  EAD   patchy ill-defined erythema with clustered dotted vessels, yellow crusts and white scale
  DF    a central white scar-like patch inside a ring of delicate light-brown network
  SK    a sharply demarcated waxy brown plaque with fissures, comedo-like openings and milia-like cysts
  MN    a round, symmetric brown blob with a regular reticular pigment network
  BCC   a pearly pink translucent nodule with arborising red vessels and blue-grey ovoid nests

Output is a study-set folder (format documented in study-sets/README.md):

  <out>/manifest.csv   case_id,image,diagnosis,age,sex,body_site,confirmation
  <out>/set.json       name, source, description, synthetic, generator, seed
  <out>/images/        <case_id>.jpg, 256x256 RGB JPEG
  <out>/README.md      says that the images are synthetic and how to regenerate them

Atypical presentations (generator v2): in every class a fixed share of the cases (ATYPICAL_SHARE, 15 %: 3 of
the 20 demo cases per class) is drawn with the pattern of one of the class's look-alikes (LOOK_ALIKES: a viral wart
that looks like a seborrheic keratosis, a keratosis that looks like a nevus, a basal cell carcinoma that looks like
a nevus or a scar, ...), as real lesions often are; only the reference standard tells, so their confirmation is
histopathology. No reader and no model can get these cases right from the image, which is what makes the demo
comparison realistic: in v1 every case showed its own class's hallmarks and a small CNN ranked almost perfectly
(one-vs-rest AUCs up to 0.997). All other images are byte-for-byte those of v1 (the atypical cases are chosen and
assigned from their own random stream).

Case ids (and file names) are numbered in a shuffled class order, so the class cannot be read from
them. The output is byte-for-byte reproducible for a given seed, per-class count and class list (with
the same numpy and Pillow/libjpeg builds): every image draws from its own random stream derived from
(seed, index).

Examples:
  /usr/bin/python3 src/main/python/generate_demo_set.py                       # the committed demo set
  /usr/bin/python3 src/main/python/generate_demo_set.py --seed 2 --per-class 60 --out /tmp/train
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import shutil
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

GENERATOR_VERSION = "2"

#: The model contract's class order (all 14 classes of Zhu et al. 2021).
ALL_CLASSES = ["LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SD", "SK", "MN", "Hem", "Pso", "PWS", "BCC"]

#: The classes this generator can draw.
DEFAULT_CLASSES = ["LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SK", "MN", "BCC"]

SIZE = 256
JPEG_QUALITY = 85

# ----------------------------------------------------------------------------------------------
# Small drawing toolkit: float RGB canvases in 0..1, soft masks, lines drawn with Pillow.
# ----------------------------------------------------------------------------------------------


def smooth_noise(rng: np.random.Generator, cell: float, size: int = SIZE) -> np.ndarray:
    """Smooth random field with features about ``cell`` pixels across, scaled to about [-1, 1].

    White noise low-pass filtered with a Gaussian in the Fourier domain (so it wraps around the
    edges, which does not matter here) and divided by its standard deviation times 1.5.
    """
    white = rng.standard_normal((size, size))
    fy = np.fft.fftfreq(size)[:, None]
    fx = np.fft.rfftfreq(size)[None, :]
    sigma = cell / 2.5
    spectrum = np.fft.rfft2(white) * np.exp(-2 * (math.pi * sigma) ** 2 * (fx ** 2 + fy ** 2))
    field = np.fft.irfft2(spectrum, s=(size, size))
    field /= field.std() * 1.5 + 1e-12
    return np.clip(field, -1.5, 1.5).astype(np.float32)


class Frame:
    """Rotated, scaled coordinates around a lesion centre."""

    def __init__(self, cx: float, cy: float, a: float, b: float, theta: float):
        yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
        dx, dy = xx - cx, yy - cy
        c, s = math.cos(theta), math.sin(theta)
        self.cx, self.cy, self.a, self.b, self.theta = cx, cy, a, b, theta
        self.px = dx * c + dy * s  # pixels along the major axis
        self.py = -dx * s + dy * c  # pixels along the minor axis
        self.u = self.px / a
        self.v = self.py / b
        self.r = np.sqrt(self.u ** 2 + self.v ** 2)
        self.phi = np.arctan2(self.v, self.u)

    def to_image(self, u: float, v: float) -> tuple[float, float]:
        """Frame coordinates (in units of a, b) to pixel coordinates."""
        px, py = u * self.a, v * self.b
        c, s = math.cos(self.theta), math.sin(self.theta)
        return self.cx + px * c - py * s, self.cy + px * s + py * c


def border_radius(rng: np.random.Generator, phi: np.ndarray, irregularity: float, lobes: int = 6) -> np.ndarray:
    """A radius factor around 1 that wobbles with the angle: low irregularity = round lesion."""
    out = np.ones_like(phi)
    for k in range(2, 2 + lobes):
        amp = irregularity * rng.uniform(0.3, 1.0) / (k - 1) ** 0.7
        out += amp * np.cos(k * phi + rng.uniform(0, 2 * math.pi))
    return out


def soft_mask(r_eff: np.ndarray, softness: float) -> np.ndarray:
    """1 inside (r_eff < 1), 0 outside, with a smooth edge of relative width ``softness``."""
    t = np.clip((1.0 - r_eff) / max(softness, 1e-3) + 0.5, 0.0, 1.0)
    return t * t * (3 - 2 * t)


def blend(img: np.ndarray, color, alpha: np.ndarray) -> None:
    """In-place alpha blend of a colour (RGB 0..1 or an HxWx3 array) into img."""
    a = np.clip(alpha, 0.0, 1.0)[..., None]
    img *= 1.0 - a
    img += a * np.asarray(color, dtype=np.float32)


def multiply(img: np.ndarray, color, alpha: np.ndarray) -> None:
    """Darken/tint like ink: img *= lerp(1, color, alpha)."""
    a = np.clip(alpha, 0.0, 1.0)[..., None]
    img *= 1.0 - a + a * np.asarray(color, dtype=np.float32)


class LineLayer:
    """Anti-aliased strokes and dots on a supersampled greyscale mask."""

    SS = 3

    def __init__(self):
        self.im = Image.new("L", (SIZE * self.SS, SIZE * self.SS), 0)
        self.draw = ImageDraw.Draw(self.im)

    def line(self, pts, width: float, value: int = 255) -> None:
        s = self.SS
        self.draw.line([(x * s, y * s) for x, y in pts], fill=value, width=max(1, int(round(width * s))), joint="curve")

    def dot(self, x: float, y: float, radius: float, value: int = 255) -> None:
        s = self.SS
        r = max(radius * s, 0.8)
        self.draw.ellipse([x * s - r, y * s - r, x * s + r, y * s + r], fill=value)

    def polygon(self, pts, value: int = 255) -> None:
        s = self.SS
        self.draw.polygon([(x * s, y * s) for x, y in pts], fill=value)

    def mask(self, blur: float = 0.0) -> np.ndarray:
        im = self.im.resize((SIZE, SIZE), Image.LANCZOS)
        if blur > 0:
            im = im.filter(ImageFilter.GaussianBlur(blur))
        return np.asarray(im, dtype=np.float32) / 255.0


def jitter_color(rng: np.random.Generator, rgb, amount: float = 0.06):
    """An RGB triple (0..255) to 0..1 with independent per-channel jitter."""
    c = np.asarray(rgb, dtype=np.float32) / 255.0
    return np.clip(c * (1 + rng.uniform(-amount, amount, 3)), 0, 1)


def random_walk(rng: np.random.Generator, x: float, y: float, angle: float, steps: int, step: float, wiggle: float):
    pts = [(x, y)]
    for _ in range(steps):
        angle += rng.normal(0, wiggle)
        x += step * math.cos(angle)
        y += step * math.sin(angle)
        pts.append((x, y))
    return pts, angle


def voronoi_edges(rng: np.random.Generator, n_seeds: int, width: float) -> np.ndarray:
    """A polygonal net: 1 on the edges between random Voronoi cells, 0 inside them."""
    seeds = rng.uniform(-20, SIZE + 20, (n_seeds, 2)).astype(np.float32)
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    d = np.sqrt((xx[..., None] - seeds[:, 0]) ** 2 + (yy[..., None] - seeds[:, 1]) ** 2)
    d.sort(axis=-1)
    gap = d[..., 1] - d[..., 0]
    return np.clip(1.0 - gap / width, 0.0, 1.0)


# ----------------------------------------------------------------------------------------------
# Background skin and global image effects
# ----------------------------------------------------------------------------------------------

SKIN_TONES = [(238, 206, 180), (230, 190, 160), (222, 180, 148), (210, 165, 130), (196, 148, 112), (180, 132, 98)]


def skin_background(rng: np.random.Generator) -> np.ndarray:
    i = rng.integers(0, len(SKIN_TONES) - 1)
    t = rng.uniform()
    base = (1 - t) * np.asarray(SKIN_TONES[i], np.float32) + t * np.asarray(SKIN_TONES[i + 1], np.float32)
    base = jitter_color(rng, base, 0.04)
    img = np.ones((SIZE, SIZE, 3), np.float32) * base
    # Mottling and a lighting gradient, as under a dermoscope's ring light.
    mottle = smooth_noise(rng, rng.uniform(20, 60))
    img *= (1 + 0.035 * mottle)[..., None]
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32) / SIZE - 0.5
    g = rng.uniform(-0.08, 0.08) * xx + rng.uniform(-0.08, 0.08) * yy
    img *= (1 + g)[..., None]
    # Fine skin texture: faint crossing furrows.
    furrows = voronoi_edges(rng, int(rng.integers(25, 60)), 1.6)
    multiply(img, (0.9, 0.86, 0.84), 0.35 * furrows)
    return img


def add_hairs(rng: np.random.Generator, img: np.ndarray) -> None:
    layer = LineLayer()
    for _ in range(int(rng.integers(1, 5))):
        x, y = rng.uniform(0, SIZE, 2)
        pts, _ = random_walk(rng, x, y, rng.uniform(0, 2 * math.pi), 40, rng.uniform(4, 8), 0.06)
        layer.line(pts, rng.uniform(0.8, 1.8))
    colour = jitter_color(rng, (40, 30, 25), 0.3)
    blend(img, colour, 0.9 * layer.mask(0.3))


def dermoscope_field(rng: np.random.Generator, img: np.ndarray) -> None:
    """Dark corners outside the round field of view of a contact dermoscope."""
    radius = rng.uniform(0.95, 1.3) * SIZE / 2
    cx, cy = SIZE / 2 + rng.normal(0, 6, 2)
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    r = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / radius
    blend(img, (0.03, 0.03, 0.03), soft_mask(2.0 - r, 0.04))


def finish(rng: np.random.Generator, img: np.ndarray) -> Image.Image:
    """Hue/brightness/contrast jitter, blur and sensor noise, then to 8-bit RGB."""
    img *= 1 + rng.uniform(-0.04, 0.04, 3)  # white balance
    img = (img - 0.5) * rng.uniform(0.9, 1.1) + 0.5 + rng.uniform(-0.04, 0.04)
    arr = (np.clip(img, 0, 1) * 255).astype(np.uint8)
    pil = Image.fromarray(arr, "RGB")
    blur = rng.uniform(0.0, 1.1)
    if blur > 0.3:
        pil = pil.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(pil, dtype=np.float32)
    arr += rng.normal(0, rng.uniform(1.0, 3.5), arr.shape).astype(np.float32)
    return Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "RGB")


# ----------------------------------------------------------------------------------------------
# One function per class. Each draws onto img (HxWx3 float, 0..1). ``k`` (0.15..1) scales how
# clearly the class's hallmark features show, so some cases are subtle.
# ----------------------------------------------------------------------------------------------


def lesion_frame(rng, rmin, rmax, aspect=(0.8, 1.0), offset=35.0) -> Frame:
    a = rng.uniform(rmin, rmax)
    b = a * rng.uniform(*aspect)
    cx, cy = SIZE / 2 + rng.uniform(-offset, offset, 2)
    return Frame(cx, cy, a, b, rng.uniform(0, math.pi))


def draw_mn(rng, img, k):
    """Melanocytic nevus: round symmetric brown blob, regular reticular network."""
    f = lesion_frame(rng, 38, 75, (0.85, 1.0))
    m = soft_mask(f.r / border_radius(rng, f.phi, 0.03), 0.12)
    brown = jitter_color(rng, (150, 95, 60), 0.12)
    blend(img, brown, 0.85 * m)
    multiply(img, (0.75, 0.7, 0.7), m * np.clip(1 - f.r, 0, 1) * 0.6)  # darker centre
    period = rng.uniform(7, 11)
    ang = rng.uniform(0, math.pi)
    wobble = 2.0 * smooth_noise(rng, 25)
    x1 = (f.px * math.cos(ang) + f.py * math.sin(ang) + wobble) / period
    x2 = (-f.px * math.sin(ang) + f.py * math.cos(ang) - wobble) / period
    holes = np.minimum(np.abs(np.sin(math.pi * x1)), np.abs(np.sin(math.pi * x2)))
    net = np.clip(1.0 - holes / 0.35, 0, 1)
    fade = np.clip(1.15 - f.r, 0, 1)
    multiply(img, (0.5, 0.42, 0.4), k * 0.75 * net * m * fade)


def draw_bcc(rng, img, k):
    """Basal cell carcinoma: pearly pink nodule, arborising vessels, blue-grey ovoid nests."""
    f = lesion_frame(rng, 40, 78, (0.7, 1.0))
    m = soft_mask(f.r / border_radius(rng, f.phi, 0.1), 0.2)
    pearl = jitter_color(rng, (240, 200, 200), 0.05)
    blend(img, pearl, 0.8 * m)
    # Shiny highlight.
    hx, hy = rng.uniform(-0.4, 0.4, 2)
    shine = np.exp(-((f.u - hx) ** 2 + (f.v - hy) ** 2) / 0.12)
    blend(img, (1.0, 0.97, 0.97), 0.35 * shine * m)
    # Blue-grey ovoid nests.
    nests = LineLayer()
    for _ in range(int(rng.integers(0, 4))):
        x, y = f.to_image(*rng.uniform(-0.6, 0.6, 2))
        r = rng.uniform(4, 9)
        nests.dot(x, y, r)
    blend(img, jitter_color(rng, (95, 105, 130), 0.1), 0.7 * k * nests.mask(1.5) * m)
    # Arborising vessels: thick trunks that branch and taper.
    layer = LineLayer()

    def branch(x, y, angle, width, depth):
        pts, angle = random_walk(rng, x, y, angle, int(rng.integers(4, 9)), rng.uniform(3, 6), 0.25)
        layer.line(pts, width)
        if depth > 0:
            ex, ey = pts[-1]
            for turn in (-1, 1):
                if rng.uniform() < 0.85:
                    branch(ex, ey, angle + turn * rng.uniform(0.3, 0.9), width * 0.65, depth - 1)

    for _ in range(int(rng.integers(2, 5))):
        x, y = f.to_image(*rng.uniform(-0.5, 0.5, 2))
        branch(x, y, rng.uniform(0, 2 * math.pi), rng.uniform(2.0, 3.2), 3)
    red = jitter_color(rng, (185, 25, 40), 0.1)
    blend(img, red, (0.3 + 0.65 * k) * layer.mask(0.4) * soft_mask(f.r, 0.3))


def draw_sk(rng, img, k):
    """Seborrheic keratosis: sharp-edged waxy brown plaque, fissures, comedo-like openings, milia."""
    f = lesion_frame(rng, 40, 80, (0.6, 0.95))
    m = soft_mask(f.r / border_radius(rng, f.phi, 0.12, 8), 0.05)
    tone = rng.uniform()
    brown = (1 - tone) * np.array([165, 125, 85]) + tone * np.array([95, 65, 45])
    brown = jitter_color(rng, brown, 0.08)
    blend(img, brown, 0.92 * m)
    waxy = smooth_noise(rng, 14)
    multiply(img, (0.8, 0.78, 0.76), 0.35 * np.clip(waxy, 0, 1) * m)
    # Cerebriform fissures: dark ridges of band-passed noise.
    ridges = np.abs(smooth_noise(rng, rng.uniform(10, 18)))
    fiss = np.clip(1 - ridges / 0.12, 0, 1)
    multiply(img, (0.55, 0.5, 0.48), k * 0.7 * fiss * m)
    layer_dark, layer_white = LineLayer(), LineLayer()
    for _ in range(int(rng.integers(8, 25))):
        x, y = f.to_image(*(rng.uniform(-0.8, 0.8, 2)))
        if f.r[int(np.clip(y, 0, SIZE - 1)), int(np.clip(x, 0, SIZE - 1))] < 0.9:
            layer_dark.dot(x, y, rng.uniform(1.5, 3.5))
    for _ in range(int(rng.integers(3, 12))):
        x, y = f.to_image(*(rng.uniform(-0.75, 0.75, 2)))
        layer_white.dot(x, y, rng.uniform(1.2, 2.8))
    blend(img, (0.18, 0.12, 0.1), k * 0.9 * layer_dark.mask(0.5) * m)
    blend(img, (0.97, 0.95, 0.85), k * 0.85 * layer_white.mask(0.6) * m)


def draw_vw(rng, img, k):
    """Viral wart: densely packed papillae, each with a central red/black dotted capillary."""
    f = lesion_frame(rng, 35, 68, (0.8, 1.0))
    m = soft_mask(f.r / border_radius(rng, f.phi, 0.12), 0.15)
    base = jitter_color(rng, (222, 200, 170), 0.05)
    blend(img, base, 0.8 * m)
    halos, cores = LineLayer(), LineLayer()
    step = rng.uniform(9, 14)
    span = int(max(f.a, f.b) / step) + 2
    for i in range(-span, span + 1):
        for j in range(-span, span + 1):
            x = f.cx + (i + 0.5 * (j % 2)) * step + rng.normal(0, step * 0.12)
            y = f.cy + j * step * 0.87 + rng.normal(0, step * 0.12)
            if 0 <= x < SIZE and 0 <= y < SIZE and f.r[int(y), int(x)] < 0.95:
                halos.dot(x, y, step * rng.uniform(0.38, 0.5))
                cores.dot(x, y, rng.uniform(1.2, 2.6))
    blend(img, (0.96, 0.93, 0.88), 0.55 * halos.mask(1.0) * m)
    # Furrows between papillae.
    multiply(img, (0.8, 0.72, 0.68), 0.35 * (1 - halos.mask(1.5)) * m)
    core_col = jitter_color(rng, (150, 25, 35), 0.15) * rng.uniform(0.5, 1.0)
    blend(img, core_col, k * 0.95 * cores.mask(0.4) * m)


def draw_lp(rng, img, k):
    """Lichen planus: flat violaceous polygonal papule with white reticular Wickham striae."""
    f = lesion_frame(rng, 35, 70, (0.7, 1.0))
    n = int(rng.integers(5, 8))
    angles = np.sort(rng.uniform(0, 2 * math.pi, n))
    poly = [f.to_image(math.cos(t) * rng.uniform(0.8, 1.1), math.sin(t) * rng.uniform(0.8, 1.1)) for t in angles]
    shape = LineLayer()
    shape.polygon(poly)
    m = shape.mask(2.0)
    violet = jitter_color(rng, (155, 95, 135), 0.1)
    blend(img, violet, 0.8 * m)
    striae = LineLayer()
    for _ in range(int(rng.integers(4, 9))):
        x, y = f.to_image(*rng.uniform(-0.7, 0.7, 2))
        pts, _ = random_walk(rng, x, y, rng.uniform(0, 2 * math.pi), int(rng.integers(5, 12)), 5, 0.35)
        striae.line(pts, rng.uniform(1.2, 2.4))
    blend(img, (0.97, 0.95, 0.97), k * 0.85 * striae.mask(0.6) * m)
    dots = LineLayer()
    for _ in range(int(rng.integers(5, 15))):
        t = rng.uniform(0, 2 * math.pi)
        dots.dot(*f.to_image(math.cos(t) * rng.uniform(0.75, 1.0), math.sin(t) * rng.uniform(0.75, 1.0)), 1.3)
    blend(img, (0.55, 0.15, 0.25), 0.6 * dots.mask(0.4))


def draw_rosa(rng, img, k):
    """Rosacea: diffuse ill-defined erythema with a polygonal network of linear vessels."""
    area = np.clip(0.6 + 0.7 * smooth_noise(rng, rng.uniform(70, 120)), 0, 1)
    red = jitter_color(rng, (215, 110, 105), 0.08)
    blend(img, red, rng.uniform(0.45, 0.75) * area)
    net = voronoi_edges(rng, int(rng.integers(14, 30)), rng.uniform(1.8, 2.8))
    vessel = jitter_color(rng, (175, 30, 40), 0.1)
    breaks = np.clip(0.6 + smooth_noise(rng, 12), 0, 1)
    blend(img, vessel, k * 0.85 * net * breaks * np.clip(area + 0.2, 0, 1))
    pust = LineLayer()
    for _ in range(int(rng.integers(0, 3))):
        pust.dot(*rng.uniform(30, SIZE - 30, 2), rng.uniform(2, 4))
    blend(img, (0.95, 0.9, 0.7), 0.7 * pust.mask(0.8))


def draw_av(rng, img, k):
    """Acne vulgaris: red papules with a central yellow-white pustule or a dark open comedo."""
    for idx in range(int(rng.integers(1, 4))):
        f = lesion_frame(rng, 16, 36 if idx == 0 else 24, (0.8, 1.0), offset=65)
        m = soft_mask(f.r / border_radius(rng, f.phi, 0.05), 0.6)
        blend(img, jitter_color(rng, (205, 85, 80), 0.1), 0.85 * m)
        core = soft_mask(f.r / rng.uniform(0.2, 0.4), 0.4)
        if rng.uniform() < 0.7:
            blend(img, jitter_color(rng, (245, 225, 160), 0.05), k * 0.95 * core)
        else:
            blend(img, (0.2, 0.15, 0.12), k * 0.9 * soft_mask(f.r / 0.18, 0.4))


def draw_kahs(rng, img, k):
    """Keloid / hypertrophic scar: elongated shiny pink band with vessels along its long axis."""
    f = lesion_frame(rng, 70, 110, (0.18, 0.35), offset=25)
    edge = border_radius(rng, f.phi, 0.05, 10)
    # Claw-like ends: wobble the width along the axis.
    width = 1 + 0.2 * np.sin(f.u * rng.uniform(3, 6) + rng.uniform(0, 6))
    r = np.sqrt(f.u ** 2 + (f.v / width) ** 2) / edge
    m = soft_mask(r, 0.15)
    blend(img, jitter_color(rng, (225, 150, 145), 0.07), 0.85 * m)
    blend(img, (0.98, 0.92, 0.9), 0.3 * np.exp(-(f.v / 0.35) ** 2) * m)  # glossy ridge
    layer = LineLayer()
    for _ in range(int(rng.integers(3, 7))):
        v0 = rng.uniform(-0.6, 0.6)
        u = np.linspace(-0.85, 0.85, 14)
        v = v0 + np.cumsum(rng.normal(0, 0.05, u.size))
        layer.line([f.to_image(a, b) for a, b in zip(u, v)], rng.uniform(1.2, 2.2))
    blend(img, jitter_color(rng, (180, 35, 45), 0.1), k * 0.8 * layer.mask(0.4) * m)


def draw_ead(rng, img, k):
    """Eczema / dermatitis: patchy ill-defined erythema, clustered dotted vessels, crusts, scale."""
    patch = np.clip(0.3 + 0.9 * smooth_noise(rng, rng.uniform(40, 70)), 0, 1)
    blend(img, jitter_color(rng, (210, 115, 105), 0.08), rng.uniform(0.45, 0.7) * patch)
    dots = LineLayer()
    for _ in range(int(rng.integers(4, 9))):
        cx, cy = rng.uniform(30, SIZE - 30, 2)
        for _ in range(int(rng.integers(8, 20))):
            dots.dot(cx + rng.normal(0, 12), cy + rng.normal(0, 12), rng.uniform(1.0, 2.0))
    blend(img, jitter_color(rng, (170, 30, 40), 0.1), k * 0.85 * dots.mask(0.3) * np.clip(patch + 0.3, 0, 1))
    crust = np.clip((smooth_noise(rng, 10) - 0.75) * 3, 0, 1) * patch
    blend(img, jitter_color(rng, (225, 180, 80), 0.08), k * 0.85 * crust)
    scale = np.clip((smooth_noise(rng, 8) - 0.8) * 3, 0, 1) * patch
    blend(img, (0.96, 0.94, 0.9), k * 0.7 * scale)


def draw_df(rng, img, k):
    """Dermatofibroma: central white scar-like patch, delicate light-brown network at the rim."""
    f = lesion_frame(rng, 32, 60, (0.75, 1.0))
    m = soft_mask(f.r / border_radius(rng, f.phi, 0.06), 0.35)
    blend(img, jitter_color(rng, (185, 135, 100), 0.1), 0.7 * m)
    period = rng.uniform(5, 8)
    wob = 1.5 * smooth_noise(rng, 20)
    holes = np.minimum(np.abs(np.sin(math.pi * (f.px + wob) / period)), np.abs(np.sin(math.pi * (f.py - wob) / period)))
    ring = m * np.clip((f.r - 0.35) / 0.3, 0, 1)
    multiply(img, (0.7, 0.6, 0.55), 0.6 * np.clip(1 - holes / 0.3, 0, 1) * ring)
    sx, sy = rng.uniform(-0.15, 0.15, 2)
    scar_r = np.sqrt(((f.u - sx) / rng.uniform(0.35, 0.55)) ** 2 + ((f.v - sy) / rng.uniform(0.25, 0.45)) ** 2)
    scar = soft_mask(scar_r / border_radius(rng, f.phi, 0.15), 0.5)
    blend(img, (0.97, 0.94, 0.92), k * 0.9 * scar)


DRAWERS = {
    "LP": draw_lp, "Rosa": draw_rosa, "VW": draw_vw, "AV": draw_av, "KAHS": draw_kahs,
    "EAD": draw_ead, "DF": draw_df, "SK": draw_sk, "MN": draw_mn, "BCC": draw_bcc,
}


#: A share of every class's cases is drawn as a look-alike class (an atypical presentation); see the module doc.
ATYPICAL_SHARE = 0.15

#: Per class, the drawable classes its atypical presentations look like (dermoscopic differential diagnoses).
LOOK_ALIKES = {
    "LP": ["EAD", "SK"],      # lichenoid eczema; lichen-planus-like keratosis
    "Rosa": ["EAD", "AV"],    # seborrhoeic / contact dermatitis; papulopustular rosacea read as acne
    "VW": ["SK", "AV"],       # flat or irritated wart read as keratosis; thrombosed papule read as a comedo
    "AV": ["Rosa", "EAD"],    # acne vs papulopustular rosacea; folliculitis / perioral dermatitis
    "KAHS": ["DF", "BCC"],    # small keloid vs dermatofibroma; scar-like (morphoeic) BCC
    "EAD": ["Rosa", "LP"],    # facial eczema vs rosacea; lichenified eczema vs lichen planus
    "DF": ["MN", "KAHS"],     # dermatofibroma vs nevus; vs a small scar
    "SK": ["MN", "BCC"],      # keratosis vs nevus; pigmented BCC
    "MN": ["SK", "DF"],       # papillomatous nevus vs keratosis; vs dermatofibroma
    "BCC": ["MN", "KAHS"],    # nodular BCC vs intradermal nevus; morphoeic BCC vs scar
}


def atypical_plan(seed: int, plan: list[str]) -> dict[int, str]:
    """Which cases (1-based index) are atypical, and the look-alike each is drawn as.

    Per class exactly round(ATYPICAL_SHARE x its cases) of its cases, picked by a seeded shuffle; the look-alike
    is drawn uniformly from LOOK_ALIKES. A stream of its own, so every other image is unchanged from v1.
    """
    rng = np.random.default_rng([seed, 0xA7])
    result = {}
    for diagnosis in sorted(set(plan)):
        indices = [i for i, d in enumerate(plan, start=1) if d == diagnosis]
        chosen = rng.permutation(len(indices))[:int(round(ATYPICAL_SHARE * len(indices)))]
        for c in sorted(chosen.tolist()):
            result[indices[c]] = LOOK_ALIKES[diagnosis][int(rng.integers(0, len(LOOK_ALIKES[diagnosis])))]
    return result


def render(diagnosis: str, rng: np.random.Generator) -> Image.Image:
    img = skin_background(rng)
    k = rng.uniform(0.15, 1.0)
    DRAWERS[diagnosis](rng, img, k)
    if rng.uniform() < 0.25:
        add_hairs(rng, img)
    if rng.uniform() < 0.5:
        dermoscope_field(rng, img)
    return finish(rng, img)


# ----------------------------------------------------------------------------------------------
# Plausible (invented) clinical metadata
# ----------------------------------------------------------------------------------------------

AGE_RANGES = {
    "LP": (25, 65), "Rosa": (25, 60), "VW": (6, 45), "AV": (13, 30), "KAHS": (15, 55),
    "EAD": (3, 75), "DF": (20, 60), "SK": (45, 88), "MN": (8, 60), "BCC": (50, 90),
}

BODY_SITES = {
    "LP": ["wrist", "forearm, flexor side", "shin", "lower back", "ankle"],
    "Rosa": ["cheek", "nose", "forehead", "chin", "face, both cheeks"],
    "VW": ["finger", "hand, dorsum", "sole of foot", "knee", "periungual, thumb"],
    "AV": ["cheek", "forehead", "chin", "upper back", "chest"],
    "KAHS": ["chest", "shoulder", "earlobe", "upper arm", "back, upper"],
    "EAD": ["antecubital fossa", "hand, dorsum", "neck", "lower leg", "popliteal fossa"],
    "DF": ["lower leg", "thigh", "upper arm", "shin"],
    "SK": ["back", "chest", "temple", "face, left cheek", "scalp"],
    "MN": ["back", "upper arm", "abdomen", "face", "thigh"],
    "BCC": ["nose", "cheek", "forehead", "eyelid, lower", "temple"],
}

HISTOPATHOLOGY_RATE = {"BCC": 0.9, "DF": 0.5, "SK": 0.3, "MN": 0.3, "KAHS": 0.1, "LP": 0.3}


def metadata(diagnosis: str, rng: np.random.Generator) -> dict:
    lo, hi = AGE_RANGES[diagnosis]
    age = str(int(rng.integers(lo, hi + 1))) if rng.uniform() > 0.03 else ""
    u = rng.uniform()
    sex = "F" if u < 0.49 else ("M" if u < 0.98 else "")
    sites = BODY_SITES[diagnosis]
    site = sites[int(rng.integers(0, len(sites)))] if rng.uniform() > 0.05 else ""
    u = rng.uniform()
    if u < HISTOPATHOLOGY_RATE.get(diagnosis, 0.05):
        confirmation = "histopathology"
    elif u < 0.97:
        confirmation = "expert_consensus"
    else:
        confirmation = "clinical_follow_up"
    return {"age": age, "sex": sex, "body_site": site, "confirmation": confirmation}


# ----------------------------------------------------------------------------------------------
# The study-set folder
# ----------------------------------------------------------------------------------------------

MANIFEST_HEADER = ["case_id", "image", "diagnosis", "age", "sex", "body_site", "confirmation"]


def case_plan(seed: int, per_class: int, classes: list[str]) -> list[str]:
    """The diagnosis of each case, in case-id order (a seeded shuffle)."""
    labels = [c for c in classes for _ in range(per_class)]
    order = np.random.default_rng([seed, 0xC1A55]).permutation(len(labels))
    return [labels[i] for i in order]


def jpeg_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buf.getvalue()


def make_image(seed: int, index: int, diagnosis: str, drawn_as: str | None = None) -> Image.Image:
    """Image number ``index`` (1-based) of a set; depends only on (seed, index, diagnosis), and for an atypical
    case on the look-alike ``drawn_as`` whose pattern it shows instead of its own."""
    return render(drawn_as or diagnosis, np.random.default_rng([seed, index, 1]))


README_TEMPLATE = """# {name}

**These images are SYNTHETIC. They are not photographs of patients and contain no patient data.**
Every image was drawn by `src/main/python/generate_demo_set.py` (numpy + Pillow) as a cartoon of a
textbook dermoscopic pattern; ages, sexes, body sites and confirmation methods were invented at random.
Use them to try DermRead and in tests, never for clinical or scientific conclusions.

- {count} cases: {per_class} per class for {n_classes} classes ({classes}).
- {atypical} of them ({share:.0%} of each class) are atypical presentations: drawn with the pattern of a look-alike
  class (as a wart can look like a seborrhoeic keratosis), so that only the reference standard tells.
- Images: {size}x{size} RGB JPEG (quality {quality}) in `images/`, named by case id; the case ids follow a
  shuffled class order, so the diagnosis cannot be read from an id or file name.
- Format: see `study-sets/README.md` (`manifest.csv`, `set.json`, `images/`).

Regenerate (byte-for-byte the same with the same numpy / Pillow builds):

```
/usr/bin/python3 src/main/python/generate_demo_set.py --seed {seed} --per-class {per_class} --out {out}
```
"""


def write_set(out: str, seed: int, per_class: int, classes: list[str], name: str, description: str,
              readme: bool = True, readme_out: str | None = None) -> list[dict]:
    """Write a study-set folder; ``readme_out`` is the folder named in the README's command."""
    unknown = [c for c in classes if c not in DRAWERS]
    if unknown:
        raise SystemExit(f"cannot draw classes {unknown}; drawable: {sorted(DRAWERS)}")
    if os.path.exists(out):
        # Remove only what this generator writes, never an unrelated folder's contents.
        for entry in ("images", "manifest.csv", "set.json", "README.md"):
            p = os.path.join(out, entry)
            if os.path.isdir(p):
                shutil.rmtree(p)
            elif os.path.exists(p):
                os.remove(p)
    os.makedirs(os.path.join(out, "images"), exist_ok=True)

    plan = case_plan(seed, per_class, classes)
    atypical = atypical_plan(seed, plan)
    width = max(4, len(str(len(plan))))
    rows = []
    for index, diagnosis in enumerate(plan, start=1):
        case_id = f"{name_prefix(name)}-{index:0{width}d}"
        image = f"images/{case_id}.jpg"
        with open(os.path.join(out, image), "wb") as fh:
            fh.write(jpeg_bytes(make_image(seed, index, diagnosis, atypical.get(index))))
        row = {"case_id": case_id, "image": image, "diagnosis": diagnosis}
        row.update(metadata(diagnosis, np.random.default_rng([seed, index, 2])))
        if index in atypical:
            row["confirmation"] = "histopathology"  # an atypical lesion is biopsied
        rows.append(row)

    with open(os.path.join(out, "manifest.csv"), "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_HEADER, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(rows)

    info = {
        "name": name,
        "source": "synthetic: drawn by src/main/python/generate_demo_set.py, no patient data",
        "description": description,
        "synthetic": True,
        "generator": f"generate_demo_set.py v{GENERATOR_VERSION} --seed {seed} --per-class {per_class} "
                     f"--classes {','.join(classes)}",
        "seed": seed,
    }
    with open(os.path.join(out, "set.json"), "w", encoding="utf-8") as fh:
        json.dump(info, fh, indent=2, ensure_ascii=False)
        fh.write("\n")

    if readme:
        with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as fh:
            fh.write(README_TEMPLATE.format(
                name=name, count=len(rows), atypical=len(atypical), share=ATYPICAL_SHARE, per_class=per_class, n_classes=len(classes), classes=", ".join(classes),
                size=SIZE, quality=JPEG_QUALITY, seed=seed, out=readme_out or out))
    return rows


def name_prefix(name: str) -> str:
    return "demo" if "demo" in name.lower() else "syn"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default="study-sets/demo", help="output folder (default: study-sets/demo)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1 = the committed demo set)")
    p.add_argument("--per-class", type=int, default=20, help="images per class (default 20)")
    p.add_argument("--classes", default=",".join(DEFAULT_CLASSES),
                   help="comma-separated class codes to draw (default: %(default)s)")
    p.add_argument("--name", default=None, help="set name for set.json")
    p.add_argument("--no-readme", action="store_true", help="do not write README.md into the folder")
    args = p.parse_args(argv)

    classes = [c.strip() for c in args.classes.split(",") if c.strip()]
    if len(set(classes)) != len(classes):
        raise SystemExit("duplicate class codes in --classes")
    is_demo = args.seed == 1 and args.per_class == 20 and classes == DEFAULT_CLASSES
    name = args.name or ("DermRead synthetic demo set" if is_demo else f"DermRead synthetic set (seed {args.seed})")
    description = (f"{args.per_class * len(classes)} synthetic dermoscopy-like images, {args.per_class} per class "
                   f"for {len(classes)} of the 14 classes of Zhu et al. 2021 ({', '.join(classes)}). "
                   "Drawn by a program, not photographed: for demonstrations and tests only.")
    classes_arg = "" if classes == DEFAULT_CLASSES else f" --classes {','.join(classes)}"
    rows = write_set(args.out, args.seed, args.per_class, classes, name, description, readme=not args.no_readme,
                     readme_out=("study-sets/demo" if is_demo else args.out) + classes_arg)
    total = sum(os.path.getsize(os.path.join(args.out, r["image"])) for r in rows)
    print(f"wrote {len(rows)} cases to {args.out} ({total / 1e6:.2f} MB of images)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
