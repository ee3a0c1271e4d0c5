using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Records.Ocr;

namespace Platform.OcrCapture.Endpoints;

/// <summary><c>/api/ocr/templates</c>: the scanned forms' templates the platform keeps (from packages or the designer), and their blank forms.</summary>
public static class FormTemplateEndpoints
{
    public static void MapFormTemplateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var templates = endpoints.MapGroup("/api/ocr/templates").WithTags("OCR capture").RequireAuthorization(Permissions.ReadBatches);
        templates.MapGet("/", List).WithName("ListFormTemplates").WithSummary("Every form template: name, labels, version, and whether it has a blank form.");
        templates.MapGet("/{name}", Get).WithName("GetFormTemplate").WithSummary("A template's definition (the OCR template format).");
        templates.MapGet("/{name}/blank", Blank).WithName("GetFormTemplateBlank").WithSummary("The template's blank form (PNG).");
    }

    private static async Task<IResult> List(IScanBatchStore store, CancellationToken cancellationToken) =>
        Results.Ok((await store.TemplatesAsync(cancellationToken)).Select(t => new
        {
            t.Name, t.Version, label = Labels(t.Definition), t.Source, t.UpdatedAt, t.UpdatedBy,
        }));

    private static async Task<IResult> Get(string name, IScanBatchStore store, CancellationToken cancellationToken) =>
        await store.FindTemplateAsync(name, cancellationToken) is { } template
            ? Results.Text(template.Definition, "application/json")
            : Results.NotFound();

    private static async Task<IResult> Blank(string name, HttpContext context, IScanBatchStore store, CancellationToken cancellationToken)
    {
        if (await store.FindTemplateAsync(name, cancellationToken) is not { Blank: { } blank })
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(blank, "image/png");
    }

    private static Dictionary<string, string> Labels(string definition)
    {
        using var document = JsonDocument.Parse(definition);
        return document.RootElement.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.Object
            ? label.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : [];
    }
}
