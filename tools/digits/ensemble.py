#!/usr/bin/env python3
"""Joins networks trained by train.py (with --keep-weights, different seeds) into one ONNX model that averages their logits.

    /usr/bin/python3 tools/digits/ensemble.py --members /tmp/a/digits.pt /tmp/b/digits.pt \\
        --pipeline-validation /tmp/pipeline-val.bin --out platform/Platform.Ocr/Digits/Model

Networks that started from different seeds make partly different mistakes; averaging them is right more
often than either. The joined model is calibrated on the engine-cut validation digits exactly as a single
network is (train.py's write_model), so the engine reads it the same way: one input, one output of logits.
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train import DigitNet, load_pipeline, logits_of, write_model  # noqa: E402


class Ensemble(nn.Module):
    """The mean of the members' logits."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, image):
        return torch.stack([member(image) for member in self.members]).mean(0)


class FoldedNet(nn.Module):
    """A member read back from an ONNX model train.py wrote: the same network with each batch norm folded into its convolution."""

    def __init__(self, weights):
        super().__init__()
        convolutions = [(w, b) for w, b in zip(weights[::2], weights[1::2])]
        layers = []
        for index, (weight, bias) in enumerate(convolutions):
            conv = nn.Conv2d(weight.shape[1], weight.shape[0], 3, padding=1)
            conv.weight.data, conv.bias.data = weight, bias
            layers += [conv, nn.ReLU()]
            if index in (1, 3):
                layers.append(nn.MaxPool2d(2))
        self.features = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.classify = nn.Linear(convolutions[-1][0].shape[0], 11)

    def forward(self, image):
        return self.classify(self.features(image))


def load_onnx_member(file):
    import onnx
    from onnx import numpy_helper
    model = onnx.load(file)
    tensors = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in model.graph.initializer}
    convolutions = []
    for node in model.graph.node:
        if node.op_type == "Conv":
            convolutions += [tensors[node.input[1]], tensors[node.input[2]]]
    gemm = next(n for n in model.graph.node if n.op_type == "Gemm")
    member = FoldedNet(convolutions)
    member.classify.weight.data, member.classify.bias.data = tensors[gemm.input[1]], tensors[gemm.input[2]]
    member.eval()
    settings = json.load(open(os.path.join(os.path.dirname(file), "digits.json")))
    return member, {"seed": settings["seed"], "width": settings["width"]}


def load_member(file):
    if file.endswith(".onnx"):
        return load_onnx_member(file)
    kept = torch.load(file, map_location="cpu")
    member = DigitNet(kept["width"])
    member.load_state_dict(kept["state"])
    member.eval()
    return member, kept


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", nargs="+", required=True, help="digits.pt files written by train.py --keep-weights, or a digits.onnx it wrote (its digits.json beside it)")
    parser.add_argument("--pipeline-validation", required=True, help="engine-cut validation digits (platform ocr digit-samples --part validation)")
    parser.add_argument("--out", required=True, help="folder for digits.onnx and digits.json")
    arguments = parser.parse_args()
    started = time.time()
    loaded = [load_member(file) for file in arguments.members]
    val_images, val_labels = load_pipeline(arguments.pipeline_validation)
    for (member, kept), file in zip(loaded, arguments.members):
        accuracy = float((logits_of(member, val_images).argmax(1) == val_labels).float().mean())
        print(f"member {file} (seed {kept['seed']}, width {kept['width']}): validation {accuracy:.4%}", flush=True)
    ensemble = Ensemble([member for member, _ in loaded])
    ensemble.eval()
    write_model(ensemble, val_images, val_labels, arguments.out, {
        "ensemble": [{"seed": kept["seed"], "width": kept["width"]} for _, kept in loaded],
        "validatedOn": "digits cut by the engine from scans",
    }, started)


if __name__ == "__main__":
    main()
