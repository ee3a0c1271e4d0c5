"""How a handwritten digit becomes the classifier's input: the ink of one digit (a binary mask) is cut to
its box, scaled by area so its longer side is 20 pixels, and placed in a 28 x 28 square by its centre of
ink. The product does exactly this (Platform.Ocr, Recognition/DigitImage.cs); a test compares the two.
"""
import numpy as np

SIDE = 28
BOX = 20


def area_weights(source: int, target: int) -> np.ndarray:
    """The target x source matrix that averages source pixels into target pixels by how much of each they cover."""
    weights = np.zeros((target, source), dtype=np.float64)
    step = source / target
    for i in range(target):
        start, end = i * step, (i + 1) * step
        for k in range(int(np.floor(start)), min(source, int(np.ceil(end)))):
            overlap = min(end, k + 1) - max(start, k)
            if overlap > 0:
                weights[i, k] = overlap / step
    return weights


def normalize(mask: np.ndarray) -> np.ndarray:
    """A 28 x 28 float32 image (1 = ink) of the ink in mask (any 2-D array; > 0.5 is ink); all zeros when there is none."""
    ink = np.asarray(mask) > 0.5
    out = np.zeros((SIDE, SIDE), dtype=np.float32)
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return out
    crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1].astype(np.float64)
    height, width = crop.shape
    scale = BOX / max(height, width)
    new_height = max(1, int(round(height * scale)))
    new_width = max(1, int(round(width * scale)))
    scaled = area_weights(height, new_height) @ crop @ area_weights(width, new_width).T
    total = scaled.sum()
    centre_y = (scaled.sum(axis=1) * np.arange(new_height)).sum() / total
    centre_x = (scaled.sum(axis=0) * np.arange(new_width)).sum() / total
    # The centre of ink (pixel centres at i + 0.5) on the square's centre, rounded half up, kept inside.
    top = int(min(max(int(np.floor(SIDE / 2 - centre_y)), 0), SIDE - new_height))
    left = int(min(max(int(np.floor(SIDE / 2 - centre_x)), 0), SIDE - new_width))
    out[top:top + new_height, left:left + new_width] = scaled.astype(np.float32)
    return out
