#!/usr/bin/env python3
"""Joins networks trained by train.py (with --keep-weights, different seeds) into one ONNX model that averages their logits.

    /usr/bin/python3 tools/digits/ensemble.py --members /tmp/a/digits.pt /tmp/b/digits.pt \\
        --pipeline-validation /tmp/pipeline-val.bin --out platform/Platform.Ocr/Digits/Model

Networks that started from different seeds make partly different mistakes; averaging them is right more
often than either. The joined model is calibrated on the engine-cut validation digits exactly as a single
network is (train.py's write_model), so the engine reads it the same way: one input, one output of logits.
"""
import argparse
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


def load_member(file):
    kept = torch.load(file, map_location="cpu")
    member = DigitNet(kept["width"])
    member.load_state_dict(kept["state"])
    member.eval()
    return member, kept


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", nargs="+", required=True, help="digits.pt files written by train.py --keep-weights")
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
