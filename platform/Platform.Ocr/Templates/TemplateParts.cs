namespace Platform.Ocr.Templates;

/// <summary>The page in pixels at its resolution (A4 at 200 DPI is 1654 × 2339).</summary>
public sealed class PageSize
{
    public int Width { get; set; }

    public int Height { get; set; }

    public int Dpi { get; set; } = 200;
}

/// <summary>A filled square registration mark: top left and side, in pixels.</summary>
public sealed class Anchor
{
    public string Id { get; set; } = "";

    public int X { get; set; }

    public int Y { get; set; }

    public int Size { get; set; }

    public (double X, double Y) Centre => (X + (Size / 2.0), Y + (Size / 2.0));
}

public enum CellKind
{
    /// <summary>Printed or typed text, read by Tesseract in the cell's language with its whitelist.</summary>
    Text,

    /// <summary>Digits written by hand (quantities).</summary>
    Digits,

    /// <summary>A box ticked, crossed or filled: judged by the ink inside it, not read.</summary>
    Check,
}

/// <summary>
/// One cell: where it is, the field it fills and how to read and check it. For a cell of a row
/// group, <see cref="Y"/> is from the top of its row.
/// </summary>
public sealed class CellTemplate
{
    public string Field { get; set; } = "";

    public Dictionary<string, string> Label { get; set; } = [];

    public int X { get; set; }

    public int Y { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public CellKind Type { get; set; } = CellKind.Text;

    /// <summary>Tesseract language for text cells: eng or chi_sim.</summary>
    public string Language { get; set; } = "eng";

    /// <summary>The only characters the cell may hold (digits cells: 0–9 when not given).</summary>
    public string? Whitelist { get; set; }

    /// <summary>A regular expression the whole value must match.</summary>
    public string? Pattern { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>The values allowed; a reading close to one of them (one character off) is taken as it and flagged.</summary>
    public List<string>? Choices { get; set; }

    /// <summary>
    /// The values allowed are those an entity's records hold in a field (dealers' codes), looked up by the host each time a
    /// batch is read; they take the place of <see cref="Choices"/> there. The engine alone (the command line) knows no records
    /// and checks such a cell by its pattern only.
    /// </summary>
    public ChoiceSource? ChoicesFrom { get; set; }

    /// <summary>For check cells: the share of the box's inside that must be ink to count as ticked (0.04 = 4 %).</summary>
    public double? Threshold { get; set; }

    /// <summary>
    /// For handwritten digits: the share of the cells read without review that must be right (default 0.999); the
    /// digit classifier's calibration turns it into the confidence each digit needs, and cells below go to review.
    /// </summary>
    public double? Accuracy { get; set; }

    /// <summary>
    /// Printed on the blank form (a catalogue row's style and colour): read as printed text, but it does not make its row a
    /// line item — only what the person filling the form wrote does.
    /// </summary>
    public bool Preprinted { get; set; }

    /// <summary>
    /// For check cells: the name of a group of boxes of which exactly one must be ticked (送货 / 自提 / 快递). The boxes of a
    /// group are the header cells, or one row's cells, that name it; when none or several are ticked they are flagged <c>one_of</c>.
    /// </summary>
    public string? OneOf { get; set; }

    /// <summary>For a total: the fields (of the row groups, or header cells) it must equal the sum of.</summary>
    public List<string>? SumOf { get; set; }

    /// <summary>How the synthetic corpus fills it: <c>#</c> a digit, <c>@</c> a capital letter, other characters as they are (e.g. <c>A####-@@</c>); or <c>date</c>.</summary>
    public string? Sample { get; set; }

    /// <summary>Values the synthetic corpus picks from (names, colours) when it does not use <see cref="Sample"/> or <see cref="Choices"/>.</summary>
    public List<string>? SampleValues { get; set; }

    /// <summary>In the corpus, how often the cell is left empty (0–1).</summary>
    public double? SampleEmpty { get; set; }

    /// <summary>The characters Tesseract may return: the whitelist, or 0–9 for digits.</summary>
    public string? EffectiveWhitelist => Whitelist ?? (Type == CellKind.Digits ? "0123456789" : null);

    /// <summary>The characters a valid value is made of: the whitelist, or those of the choices.</summary>
    public string? Alphabet => EffectiveWhitelist ?? (Choices is { Count: > 0 } ? new string([.. Choices.SelectMany(c => c).Distinct().Order()]) : null);
}

/// <summary>Where a cell's allowed values come from: the field <see cref="Field"/> of the records of <see cref="Entity"/>.</summary>
public sealed class ChoiceSource
{
    public string Entity { get; set; } = "";

    public string Field { get; set; } = "";
}

/// <summary>Line items: <see cref="Count"/> rows of the same cells, <see cref="Pitch"/> pixels apart, the first at <see cref="Y"/>.</summary>
public sealed class RowGroup
{
    public string Name { get; set; } = "";

    public int Y { get; set; }

    public int Pitch { get; set; }

    public int Count { get; set; }

    public List<CellTemplate> Cells { get; set; } = [];

    /// <summary>A size grid: the row's quantity per size becomes one line item per size (see <see cref="SizeGrid"/>).</summary>
    public SizeGrid? Grid { get; set; }
}

/// <summary>
/// Quantities written under size columns (S M L XL, or shoe sizes 36–40): each column with a quantity in a row gives
/// one line item with the row's other cells, the column's size in <see cref="Field"/> and the quantity in
/// <see cref="Quantity"/> — as an order line per size is booked.
/// </summary>
public sealed class SizeGrid
{
    /// <summary>The line item's field that gets the size (e.g. <c>size</c>).</summary>
    public string Field { get; set; } = "size";

    /// <summary>The line item's field that gets the quantity (e.g. <c>quantity</c>).</summary>
    public string Quantity { get; set; } = "quantity";

    /// <summary>The row's cells that are size columns, each with its size: <c>{ "qty_36": "36", "qty_37": "37" }</c>.</summary>
    public Dictionary<string, string> Columns { get; set; } = [];
}

/// <summary>A text printed on the blank form.</summary>
public sealed class PrintedText
{
    public string Text { get; set; } = "";

    public int X { get; set; }

    public int Y { get; set; }

    /// <summary>Font size in pixels.</summary>
    public int Size { get; set; } = 24;

    /// <summary>How wide the text is on the form, in pixels (marked in the designer); when not given, judged from its characters and size.</summary>
    public int? Width { get; set; }

    public bool Bold { get; set; }
}

/// <summary>A cell at its place on the page: its field path (<c>lines[3].qty_s</c>), its group and row for line items.</summary>
public sealed record PlacedCell(string Path, string? Group, int? Row, CellTemplate Cell, Imaging.PixelRect Rect);
