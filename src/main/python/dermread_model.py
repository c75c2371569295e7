"""DermRead model definitions: the paper's EfficientNet-b4 with seven auxiliary classifiers, a tiny demo
network with the same contract, and the serving wrapper that holds the preprocessing.

The model contract (what the Java side relies on; see README.md in this folder):

* input: float32 tensor [N, 3, H, W], RGB, values 0..255 (decoded pixels, nothing else done), any H, W;
* the wrapper resizes to the network's input size (bilinear, align_corners=False, antialiased) and
  normalises with the ImageNet mean/std on the 0..1 scale, inside the model;
* output: a tuple (logits [N, 14], aux_logits [N, 7, 14], embedding [N, D]) — logits, NOT
  probabilities (apply softmax yourself); aux_logits are the seven auxiliary classifiers' logits in
  stage order; embedding is the pooled penultimate feature vector (1792 for EfficientNet-b4).

Class order (index -> code) is ``CLASSES``.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn

#: The 14 classes of Zhu et al. 2021, in the model's output order.
CLASSES: List[str] = ["LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SD", "SK", "MN", "Hem", "Pso", "PWS", "BCC"]
NUM_CLASSES = len(CLASSES)
NUM_AUX = 7

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

#: Output channels of torchvision efficientnet_b4's MBConv stages features[1..7].
EFFICIENTNET_B4_STAGE_CHANNELS = (24, 32, 56, 112, 160, 272, 448)


class AuxHead(nn.Module):
    """An auxiliary classifier: global average pool, dropout, Linear(C, 14)."""

    def __init__(self, channels: int, num_classes: int = NUM_CLASSES, dropout: float = 0.2):
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(p=dropout)
        self.fc = nn.Linear(channels, num_classes)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc(self.dropout(torch.flatten(self.pool(x), 1)))


class EfficientNetB4Aux7(nn.Module):
    """EfficientNet-b4 (torchvision layout) with 14 outputs and an auxiliary classifier after each of
    the seven MBConv stages, as in Zhu et al., Front. Med. 2021.

    Parameter names follow torchvision (``features.*``, ``classifier.1.*``) so that a checkpoint of a
    plain torchvision ``efficientnet_b4`` fine-tuned to 14 classes loads into it; the auxiliary heads
    live under ``aux_heads.<0..6>.fc``.
    """

    def __init__(self, num_classes: int = NUM_CLASSES, dropout: float = 0.4, aux_dropout: float = 0.2):
        super().__init__()
        from torchvision.models import efficientnet_b4

        base = efficientnet_b4(weights=None)  # never download: weights come from a checkpoint
        self.features = base.features
        self.avgpool = base.avgpool
        last = base.classifier[1].in_features  # 1792
        self.classifier = nn.Sequential(nn.Dropout(p=dropout, inplace=True), nn.Linear(last, num_classes))
        self.aux_heads = nn.ModuleList(AuxHead(c, num_classes, aux_dropout) for c in EFFICIENTNET_B4_STAGE_CHANNELS)
        self.embedding_dim = last

    def forward(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        x = self.features[0](x)
        aux: List[Tensor] = []
        for i, head in enumerate(self.aux_heads):
            x = self.features[i + 1](x)
            aux.append(head(x))
        x = self.features[8](x)
        embedding = torch.flatten(self.avgpool(x), 1)
        logits = self.classifier(embedding)
        return logits, torch.stack(aux, dim=1), embedding


def _conv_bn_relu(cin: int, cout: int, stride: int, kernel: int = 3) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(cin, cout, kernel, stride=stride, padding=kernel // 2, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
    )


class TinyDermNet(nn.Module):
    """A small demo CNN with the same contract as EfficientNetB4Aux7: a stem, seven stages (each
    followed by an auxiliary classifier), a 1x1 head conv, global pooling and a 14-way classifier.
    About 0.25 M parameters; meant for synthetic demo images, not for real dermoscopy.
    """

    STAGE_CHANNELS = (16, 24, 32, 48, 64, 96, 128)
    STAGE_STRIDES = (1, 2, 2, 2, 1, 2, 1)

    def __init__(self, num_classes: int = NUM_CLASSES, embedding_dim: int = 192, dropout: float = 0.2,
                 aux_dropout: float = 0.1):
        super().__init__()
        stem = 16
        self.stem = _conv_bn_relu(3, stem, 2)
        stages = []
        cin = stem
        for cout, stride in zip(self.STAGE_CHANNELS, self.STAGE_STRIDES):
            stages.append(nn.Sequential(_conv_bn_relu(cin, cout, stride), _conv_bn_relu(cout, cout, 1, kernel=1)))
            cin = cout
        self.stages = nn.ModuleList(stages)
        self.head = _conv_bn_relu(cin, embedding_dim, 1, kernel=1)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(nn.Dropout(p=dropout), nn.Linear(embedding_dim, num_classes))
        self.aux_heads = nn.ModuleList(AuxHead(c, num_classes, aux_dropout) for c in self.STAGE_CHANNELS)
        self.embedding_dim = embedding_dim

    def forward(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        x = self.stem(x)
        aux: List[Tensor] = []
        for stage, head in zip(self.stages, self.aux_heads):
            x = stage(x)
            aux.append(head(x))
        embedding = torch.flatten(self.avgpool(self.head(x)), 1)
        return self.classifier(embedding), torch.stack(aux, dim=1), embedding


class ServingModel(nn.Module):
    """Preprocessing + network, so that the caller only decodes pixels.

    Input: float32 [N, 3, H, W], RGB, 0..255, any H and W. The image is resized to ``size`` with
    bilinear interpolation (align_corners=False, antialiased when ``antialias``), scaled to 0..1 and
    normalised with ``mean``/``std``; the network's (logits, aux_logits, embedding) tuple is returned.
    """

    def __init__(self, net: nn.Module, size: Sequence[int], antialias: bool = True,
                 mean: Sequence[float] = IMAGENET_MEAN, std: Sequence[float] = IMAGENET_STD):
        super().__init__()
        self.net = net
        self.size = (int(size[0]), int(size[1]))
        self.antialias = bool(antialias)
        # Folded into one multiply-add on the 0..255 scale: (x/255 - mean)/std.
        mean_t = torch.tensor(mean, dtype=torch.float32).view(1, 3, 1, 1)
        std_t = torch.tensor(std, dtype=torch.float32).view(1, 3, 1, 1)
        self.register_buffer("scale", 1.0 / (255.0 * std_t))
        self.register_buffer("shift", -mean_t / std_t)
        self.mean = tuple(float(m) for m in mean)
        self.std = tuple(float(s) for s in std)

    def preprocess(self, x: Tensor) -> Tensor:
        x = F.interpolate(x, size=self.size, mode="bilinear", align_corners=False, antialias=self.antialias)
        return x * self.scale + self.shift

    def forward(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        return self.net(self.preprocess(x))


ARCHITECTURES = {
    "efficientnet_b4_aux7": {"factory": EfficientNetB4Aux7, "size": 380,
                             "description": "torchvision EfficientNet-b4, 14 outputs, 7 auxiliary classifiers "
                                            "after MBConv stages features[1..7] (Zhu et al. 2021)"},
    "tiny_dermnet_aux7": {"factory": TinyDermNet, "size": 128,
                          "description": "TinyDermNet demo CNN, 7 stages with 7 auxiliary classifiers, "
                                         "same contract as efficientnet_b4_aux7"},
}


def build_network(arch: str, num_classes: int = NUM_CLASSES) -> nn.Module:
    if arch not in ARCHITECTURES:
        raise ValueError(f"unknown architecture {arch!r}; known: {sorted(ARCHITECTURES)}")
    return ARCHITECTURES[arch]["factory"](num_classes=num_classes)


def build_serving_model(arch: str, size: int | None = None, antialias: bool = True,
                        num_classes: int = NUM_CLASSES) -> ServingModel:
    """The serving model; ``num_classes`` outputs (default the 14 of Zhu et al.; 7 or 8 for HAM10000/ISIC)."""
    s = size or ARCHITECTURES[arch]["size"]
    return ServingModel(build_network(arch, num_classes), (s, s), antialias=antialias)
