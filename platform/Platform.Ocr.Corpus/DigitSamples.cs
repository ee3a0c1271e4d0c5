using Platform.Ocr.Digits;
using Platform.Ocr.Imaging;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Corpus;

/// <summary>
/// Training digits as the engine meets them: pages of the form are filled with handwriting (from the training
/// part of MNIST only), put through the scan simulation, aligned, and every quantity cell is cut into digits by
/// the engine's own segmenter; each digit cut where the cell's truth says what it is becomes an example.
/// tools/digits/train.py learns from them beside its own pen-and-scan imitation.
/// </summary>
public static class DigitSamples
{
    /// <summary>Writes the examples to <paramref name="file"/>: per example one byte (the digit) and 28 × 28 bytes (255 = ink); returns how many.</summary>
    public static int Write(FormTemplate template, IHandwriting handwriting, int pages, int seed, string file)
    {
        var folder = Directory.CreateTempSubdirectory("digit-samples-").FullName;
        try
        {
            var truths = CorpusWriter.Write(template, pages, folder, seed, handwriting);
            var placed = template.PlacedCells().Where(p => p.Cell.Type == CellKind.Digits).ToList();
            using var output = new BinaryWriter(File.Create(file));
            var count = 0;
            foreach (var truth in truths)
            {
                using var scan = Picture.Decode(File.ReadAllBytes(Path.Combine(folder, truth.Image)));
                using var page = PageAligner.Align(scan, template, out _);
                if (page is null)
                {
                    continue;
                }

                foreach (var cell in placed)
                {
                    if (truth.Values.GetValueOrDefault(cell.Path) is not { Length: > 0 } value)
                    {
                        continue;
                    }

                    var (ink, width, height) = CellReader.InkOf(page, cell);
                    var cut = DigitSegmenter.Cut(ink, width, height);
                    var reading = cut.Slots.Count == value.Length
                        ? cut.Slots.Select(s => s.Readings[0]).ToList()
                        : cut.Slots.Count == 1 ? cut.Slots[0].Readings.Where(r => r.Count == value.Length).Select(r => (IReadOnlyList<DigitInk>)r).Take(1).ToList() : [];
                    var digits = reading.SelectMany(r => r).ToList();
                    if (digits.Count != value.Length || reading.Count == 0)
                    {
                        continue; // cut otherwise than written: no example rather than a wrong one
                    }

                    foreach (var (digit, character) in digits.Zip(value))
                    {
                        output.Write((byte)(character - '0'));
                        output.Write([.. digit.Normalized().Select(v => (byte)Math.Clamp(Math.Round(v * 255), 0, 255))]);
                        count++;
                    }
                }
            }

            return count;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
