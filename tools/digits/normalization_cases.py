#!/usr/bin/env python3
"""Writes the cases the product's DigitImage is tested against (tests/unit/Platform.Ocr.Tests/Data/digit-normalization.json):
masks of several shapes and sizes with what digit_image.normalize makes of them, so the two stay the same.

    /usr/bin/python3 tools/digits/normalization_cases.py > tests/unit/Platform.Ocr.Tests/Data/digit-normalization.json
"""
import json
import sys

import numpy as np

from digit_image import normalize


def cases():
    rng = np.random.default_rng(7)
    shapes = [(40, 18), (33, 29), (12, 40), (57, 9), (5, 5), (1, 30), (64, 64), (23, 47)]
    for height, width in shapes:
        mask = rng.random((height, width)) < 0.35
        mask[height // 2, :] = True  # a stroke across, so the ink spans the box
        yield mask
    ring = np.zeros((30, 22), dtype=bool)
    ring[2:28, 3:19] = True
    ring[6:24, 7:15] = False
    yield ring


def main():
    out = []
    for mask in cases():
        out.append({"width": mask.shape[1], "height": mask.shape[0],
                    "mask": "".join("1" if v else "0" for v in mask.ravel()),
                    "expected": [round(float(v), 6) for v in normalize(mask).ravel()]})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
