using System.Globalization;
using Platform.Core.Security;
using Platform.Printing.Models;

namespace Platform.Printing.Services;

/// <summary>
/// Prints a record with a template: its model read as the person may read it, the template's HTML written in the sandbox, and the
/// page turned into a PDF on the warm Chromium. A page the template writes without <c>&lt;html&gt;</c> is put into one with the
/// platform's print basics: the paper size, Chinese fonts, a table's header repeated on every page, rows not split across pages.
/// </summary>
public sealed class PrintService(PrintModel models, PdfPrinter printer)
{
    /// <summary>The page's HTML; null when there is no such record or the person may not read it.</summary>
    /// <exception cref="PrintRefusedException">The template does not parse or ran past a limit.</exception>
    public async Task<string?> HtmlAsync(PrintTemplate template, Guid id, Actor actor, CultureInfo culture, CancellationToken cancellationToken)
    {
        var parsed = LiquidTemplates.Parse(template.Body);
        var model = await models.OfAsync(template.Entity, id, actor, culture, cancellationToken);
        return model is null ? null : Document(await LiquidTemplates.RenderAsync(parsed, model, culture), template, culture);
    }

    /// <summary>The record printed as a PDF; null when there is no such record or the person may not read it.</summary>
    /// <exception cref="PrintRefusedException">The template does not parse or ran past a limit, or Chromium is missing.</exception>
    public async Task<byte[]?> PdfAsync(PrintTemplate template, Guid id, Actor actor, CultureInfo culture, CancellationToken cancellationToken) =>
        await HtmlAsync(template, id, actor, culture, cancellationToken) is { } html ? await printer.PrintAsync(html, template, cancellationToken) : null;

    /// <summary>The most records one PDF prints.</summary>
    public const int MostRecords = 100;

    /// <summary>
    /// Several records in one PDF, one after another, each numbering its own pages (第 1 页 / 共 2 页 of each order); those the person
    /// may not read (or that are not there) are left out. Null when none is left.
    /// </summary>
    /// <exception cref="PrintRefusedException">The template does not parse or ran past a limit, or Chromium is missing.</exception>
    public async Task<(byte[] Pdf, int Printed)?> PdfOfManyAsync(PrintTemplate template, IReadOnlyList<Guid> ids, Actor actor, CultureInfo culture, CancellationToken cancellationToken)
    {
        var pages = new List<string>();
        foreach (var id in ids.Distinct())
        {
            if (await HtmlAsync(template, id, actor, culture, cancellationToken) is { } html)
            {
                pages.Add(html);
            }
        }

        if (pages.Count == 0)
        {
            return null;
        }

        // As many at once as the pool prints at once; the documents are joined in the order asked.
        using var gate = new SemaphoreSlim(ChromiumPool.Pages);
        var pdfs = await Task.WhenAll(pages.Select(async html =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await printer.PrintAsync(html, template, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return (pdfs.Length == 1 ? pdfs[0] : UglyToad.PdfPig.Writer.PdfMerger.Merge(pdfs), pdfs.Length);
    }

    /// <summary>The template's output as a whole page, unless it wrote one itself.</summary>
    public static string Document(string body, PrintTemplate template, CultureInfo culture)
    {
        if (body.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        var size = $"{template.Paper} {template.Orientation}";
        // On screen the page is drawn as the paper it prints on: its width, with the template's margins around what it writes.
        var margins = template.Margins;
        var screenWidth = template.PaperWidth().ToString("0.#", CultureInfo.InvariantCulture);
        var padding = string.Join(" ", new[] { margins.Top, margins.Right, margins.Bottom, margins.Left }.Select(m => m.ToString("0.#", CultureInfo.InvariantCulture) + "mm"));
        return $$"""
            <!DOCTYPE html>
            <html lang="{{culture.Name}}">
            <head>
            <meta charset="utf-8">
            <style>
            @page { size: {{size}}; }
            html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "DejaVu Sans", sans-serif; font-size: 10.5pt; color: #000; }
            table { border-collapse: collapse; width: 100%; }
            thead { display: table-header-group; }
            tfoot { display: table-footer-group; }
            tr, img, svg { page-break-inside: avoid; break-inside: avoid; }
            .page-break { page-break-after: always; break-after: page; }
            @media screen { html { background: #e8e8e8; } body { box-sizing: border-box; width: {{screenWidth}}mm; min-height: 100vh; margin: 4mm auto; padding: {{padding}}; background: #fff; box-shadow: 0 0 4px #999; } }
            </style>
            </head>
            <body>
            {{body}}
            </body>
            </html>
            """;
    }
}
