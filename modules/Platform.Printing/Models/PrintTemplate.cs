using Platform.Core.Metadata;

namespace Platform.Printing.Models;

/// <summary>
/// A print template: what it prints (an entity's records), its title in each language, the page (paper, orientation, margins in
/// millimetres, a header and a footer with page numbers) and the Liquid template writing the page's HTML and CSS. Kept as JSON (see
/// <c>docs/schemas/print-template.schema.json</c>); an app package brings the Liquid as a file of its own beside the JSON.
/// </summary>
public sealed class PrintTemplate
{
    public static readonly string[] Papers = ["A4", "A5", "Letter"];

    public static readonly string[] Orientations = ["portrait", "landscape"];

    public string Entity { get; set; } = "";

    public LocalizedText Labels { get; set; } = [];

    public string Paper { get; set; } = "A4";

    public string Orientation { get; set; } = "portrait";

    public PageMargins Margins { get; set; } = new();

    /// <summary>Text at the head of every page (in the top margin), with <c>{page}</c> and <c>{pages}</c> as the footer's. Empty: no header.</summary>
    public string Header { get; set; } = "";

    /// <summary>Text at the foot of every page; <c>{page}</c> and <c>{pages}</c> become the page's number and the count of pages. Empty: no footer.</summary>
    public string Footer { get; set; } = "第 {page} 页 / 共 {pages} 页";

    /// <summary>The Liquid template of the page (HTML and CSS).</summary>
    public string Body { get; set; } = "";

    /// <summary>In an app package: the file beside the JSON holding the body (<c>sales_order.liquid</c>).</summary>
    public string? BodyFile { get; set; }

    /// <summary>The paper's width as it lies (turned for landscape), in millimetres.</summary>
    public decimal PaperWidth() => (Paper, Orientation) switch
    {
        ("A5", "landscape") => 210, ("A5", _) => 148, ("Letter", "landscape") => 279.4m, ("Letter", _) => 215.9m, (_, "landscape") => 297, _ => 210,
    };
}

/// <summary>A page's margins in millimetres.</summary>
public sealed class PageMargins
{
    public decimal Top { get; set; } = 15;

    public decimal Right { get; set; } = 12;

    public decimal Bottom { get; set; } = 18;

    public decimal Left { get; set; } = 12;
}
