using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Platform.Printing.Services;
using Platform.Web.Security;

namespace Platform.Printing.Endpoints;

/// <summary>
/// Printing records: the templates a person may print an entity's records with, a record printed as a PDF, and the same page as
/// HTML for a preview (served so that nothing in it runs or loads: no scripts, no requests). A record the person may not read, like
/// one that is not there, is a 404; a template that does not parse or runs past its limits a 400 saying where and why.
/// </summary>
public static class PrintEndpoints
{
    public static void MapPrintEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var print = endpoints.MapGroup("/api/print").WithTags("Printing");
        print.MapGet("/templates", ListAsync).WithName("ListPrintTemplates").WithSummary("The print templates the caller may print with (?entity= one entity's).");
        print.MapGet("/templates/{template:guid}/records/{id:guid}.pdf", PdfAsync).WithName("PrintRecord").WithSummary("A record printed with a template, as a PDF.");
        print.MapGet("/templates/{template:guid}/records.pdf", ManyAsync).WithName("PrintRecords")
            .WithSummary("Several records (?ids=a,b,c, at most 100) printed with a template into one PDF, each numbering its own pages; those the caller may not read are left out.");
        print.MapGet("/templates/{template:guid}/records/{id:guid}.html", HtmlAsync).WithName("PreviewPrint")
            .WithSummary("The page a record prints as, in HTML (a preview; nothing in it runs or loads).");
    }

    private static async Task<IResult> ListAsync(string? entity, HttpContext context, PrintTemplates templates)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var list = await templates.ListAsync(Actors.From(context.User), entity, culture, context.RequestAborted);
        return TypedResults.Json(list.Select(t => new { t.Id, Label = t.Template.Labels.For(culture), t.Template.Entity, t.Template.Paper, t.Template.Orientation, t.Shared, t.Source }));
    }

    /// <param name="view"><c>inline</c> to show the PDF in the browser; otherwise it downloads.</param>
    private static async Task<IResult> PdfAsync(Guid template, Guid id, string? view, HttpContext context, PrintTemplates templates, PrintService printing, IStringLocalizer text) =>
        await PrintAsync(template, id, context, templates, text, async (entry, actor) =>
        {
            if (await printing.PdfAsync(entry.Template, id, actor, CultureInfo.CurrentUICulture, context.RequestAborted) is not { } pdf)
            {
                return null;
            }

            context.Response.Headers.CacheControl = "private, no-store";
            return view == "inline" ? TypedResults.File(pdf, "application/pdf") : TypedResults.File(pdf, "application/pdf", $"{FileName(entry, id.ToString("N"))}.pdf");
        });

    private static async Task<IResult> ManyAsync(Guid template, string? ids, string? view, HttpContext context, PrintTemplates templates, PrintService printing, IStringLocalizer text)
    {
        var parsed = new List<Guid>();
        foreach (var part in (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParse(part, out var id))
            {
                return Problem(StatusCodes.Status400BadRequest, text["Printing.Error.NotAnId", part].Value, "ids");
            }

            parsed.Add(id);
        }

        if (parsed.Count is 0 or > PrintService.MostRecords)
        {
            return Problem(StatusCodes.Status400BadRequest, text["Printing.Error.HowMany", PrintService.MostRecords].Value, "ids");
        }

        return await PrintAsync(template, Guid.Empty, context, templates, text, async (entry, actor) =>
        {
            if (await printing.PdfOfManyAsync(entry.Template, parsed, actor, CultureInfo.CurrentUICulture, context.RequestAborted) is not { } printed)
            {
                return null;
            }

            context.Response.Headers.CacheControl = "private, no-store";
            context.Response.Headers["X-Printed-Records"] = printed.Printed.ToString(CultureInfo.InvariantCulture);
            return view == "inline" ? TypedResults.File(printed.Pdf, "application/pdf") : TypedResults.File(printed.Pdf, "application/pdf", $"{FileName(entry, printed.Printed.ToString(CultureInfo.InvariantCulture))}.pdf");
        });
    }

    private static async Task<IResult> HtmlAsync(Guid template, Guid id, HttpContext context, PrintTemplates templates, PrintService printing, IStringLocalizer text) =>
        await PrintAsync(template, id, context, templates, text, async (entry, actor) =>
        {
            if (await printing.HtmlAsync(entry.Template, id, actor, CultureInfo.CurrentUICulture, context.RequestAborted) is not { } html)
            {
                return null;
            }

            AnswerPolicy.Set(context, PreviewPolicy, "SAMEORIGIN");
            return TypedResults.Content(html, "text/html; charset=utf-8");
        });

    /// <summary>What a page printed as HTML may do: show its own styles and data: pictures, in this host's frames — nothing runs, nothing loads.</summary>
    internal const string PreviewPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'";

    private static async Task<IResult> PrintAsync(Guid template, Guid id, HttpContext context, PrintTemplates templates, IStringLocalizer text,
        Func<PrintTemplateEntry, Platform.Core.Security.Actor, Task<IResult?>> print)
    {
        var actor = Actors.From(context.User);
        if (await templates.FindAsync(template, actor, context.RequestAborted) is not { } entry)
        {
            return Problem(StatusCodes.Status404NotFound, text["Printing.Error.NoTemplate"].Value, "template");
        }

        try
        {
            return await print(entry, actor) ?? Problem(StatusCodes.Status404NotFound, text["Printing.Error.NoRecord"].Value, "id");
        }
        catch (PrintRefusedException problem)
        {
            return Problem(problem.Code == "Printing.Error.NoChromium" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest,
                problem.Say(text), "template");
        }
    }

    /// <summary>A download's name: the entity and what tells this one apart (the record's id, or how many records it holds).</summary>
    private static string FileName(PrintTemplateEntry entry, string which) =>
        string.Concat($"{entry.Template.Entity}-{which}".Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));

    internal static IResult Problem(int status, string message, string? target) =>
        Results.Json(new { error = new { code = status switch { 404 => "NotFound", 503 => "Unavailable", _ => "BadRequest" }, message, target } }, statusCode: status);
}
