using System.Globalization;
using System.Net;
using Platform.Printing.Models;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Platform.Printing.Services;

/// <summary>
/// Turns a page's HTML into a PDF on the warm Chromium: the template's paper, orientation and margins, backgrounds printed, and the
/// header's and footer's <c>{page}</c> / <c>{pages}</c> numbered by Chromium itself (a table's header row repeats on every page it runs over).
/// </summary>
public sealed class PdfPrinter(ChromiumPool chromium)
{
    public Task<byte[]> PrintAsync(string html, PrintTemplate template, CancellationToken cancellationToken) =>
        chromium.WithPageAsync(async page =>
        {
            await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = (int)ChromiumPool.PageTime.TotalMilliseconds });
            return await page.PdfDataAsync(new PdfOptions
            {
                Format = template.Paper switch { "A5" => PaperFormat.A5, "Letter" => PaperFormat.Letter, _ => PaperFormat.A4 },
                Landscape = template.Orientation == "landscape",
                PrintBackground = true,
                // Without the tags for screen readers Chromium writes a page a fifth faster, an 80-line order two fifths (print.sh); a printed form is read on paper.
                Tagged = false,
                DisplayHeaderFooter = true,
                HeaderTemplate = Band(template.Header),
                FooterTemplate = Band(template.Footer),
                MarginOptions = new MarginOptions
                {
                    Top = Mm(template.Margins.Top), Right = Mm(template.Margins.Right), Bottom = Mm(template.Margins.Bottom), Left = Mm(template.Margins.Left),
                },
            });
        }, cancellationToken);

    /// <summary>A header or footer line: the text (HTML-encoded) with <c>{page}</c> and <c>{pages}</c> numbered by Chromium; empty for none.</summary>
    private static string Band(string? text) => text is { Length: > 0 }
        ? "<div style=\"font-size:8pt;width:100%;text-align:center;color:#444;font-family:'Noto Sans CJK SC',sans-serif\">"
            + WebUtility.HtmlEncode(text).Replace("{page}", "<span class=\"pageNumber\"></span>", StringComparison.Ordinal)
                .Replace("{pages}", "<span class=\"totalPages\"></span>", StringComparison.Ordinal) + "</div>"
        : "<div></div>";

    private static string Mm(decimal value) => Math.Clamp(value, 0, 60).ToString("0.#", CultureInfo.InvariantCulture) + "mm";
}
