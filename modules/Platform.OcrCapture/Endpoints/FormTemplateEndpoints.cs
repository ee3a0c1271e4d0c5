using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.OcrCapture.Templates;
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
        // Seen by those who read batches (the proofreading pages) and by those who design templates (the designer), either suffices.
        endpoints.MapGet("/api/ocr/templates/{name}/blank", Blank).WithTags("OCR capture").RequireAuthorization()
            .WithName("GetFormTemplateBlank").WithSummary("The template's blank form (PNG); for those who may see batches or design templates.");

        var design = endpoints.MapGroup("/api/ocr/templates").WithTags("OCR capture").RequireAuthorization(Permissions.ManageTemplates);
        design.MapPost("/", Create).Accepts<IFormFileCollection>("multipart/form-data").WithName("CreateFormTemplate")
            .WithSummary("A new template from a blank form (multipart/form-data: name, labelZh, labelEn, blank — PNG, JPEG, TIFF or PDF); unpublished until its draft is complete.");
        design.MapGet("/{name}/draft", Draft).WithName("GetFormTemplateDraft").WithSummary("The designer's draft, or the published definition when there is none.");
        design.MapPut("/{name}/draft", SaveDraft).WithName("SaveFormTemplateDraft")
            .WithSummary("Keeps a draft (the template document, complete or not); answers what still keeps it from being published.");
        design.MapDelete("/{name}/draft", DiscardDraft).WithName("DiscardFormTemplateDraft").WithSummary("Throws the draft away.");
        design.MapPost("/{name}/publish", Publish).WithName("PublishFormTemplate")
            .WithSummary("Makes the draft the template's next version, read by new batches; refused with every problem while it has any.");
        design.MapGet("/{name}/layout", Layout).WithName("GetFormTemplateBlankLayout").WithSummary("The blank form's ruling lines and filled squares (marks), to snap to.");
        design.MapPost("/{name}/test", Test).Accepts<IFormFileCollection>("multipart/form-data").WithName("TestFormTemplate")
            .WithSummary("Reads a sample scan (multipart/form-data: scan) with the draft: each cell's value, confidence, flags and picture.");
    }

    private static async Task<IResult> Create(HttpContext context, TemplateDesign design, CancellationToken cancellationToken) =>
        await RunAsync(context, async () =>
        {
            var form = await FormAsync(context, cancellationToken);
            if (form.Files.GetFile("blank") is not { } blank)
            {
                throw new CaptureRefusedException("OcrCapture.Error.NoBlank");
            }

            var stored = await design.CreateAsync(form["name"].ToString(), form["labelZh"], form["labelEn"], await BytesAsync(blank, cancellationToken), UserId(context), cancellationToken);
            return Results.Created($"/api/ocr/templates/{stored.Name}", new { stored.Name, stored.Version });
        });

    private static async Task<IResult> Draft(string name, HttpContext context, TemplateDesign design, CancellationToken cancellationToken) =>
        await RunAsync(context, async () => Results.Text((await design.OpenAsync(name, cancellationToken)).Document, "application/json"));

    private static async Task<IResult> SaveDraft(string name, HttpContext context, TemplateDesign design, CancellationToken cancellationToken) =>
        await RunAsync(context, async () =>
        {
            using var body = new StreamReader(context.Request.Body);
            var document = await body.ReadToEndAsync(cancellationToken);
            return Results.Ok(new { problems = TemplateProblemText.Of(context.RequestServices.GetRequiredService<IStringLocalizer>(), await design.SaveDraftAsync(name, document, UserId(context), cancellationToken)) });
        });

    private static async Task<IResult> DiscardDraft(string name, HttpContext context, TemplateDesign design, CancellationToken cancellationToken) =>
        await RunAsync(context, async () =>
        {
            await design.DiscardDraftAsync(name, cancellationToken);
            return Results.NoContent();
        });

    private static async Task<IResult> Publish(string name, HttpContext context, TemplateDesign design, CancellationToken cancellationToken) =>
        await RunAsync(context, async () => Results.Ok(new { version = await design.PublishAsync(name, UserId(context), cancellationToken) }));

    private static async Task<IResult> Layout(string name, HttpContext context, TemplateDesign design, CancellationToken cancellationToken) =>
        await RunAsync(context, async () => Results.Ok(await design.LayoutAsync(name, cancellationToken)));

    private static async Task<IResult> Test(string name, HttpContext context, TemplateDesign design, CancellationToken cancellationToken) =>
        await RunAsync(context, async () =>
        {
            var form = await FormAsync(context, cancellationToken);
            if (form.Files.GetFile("scan") is not { } scan)
            {
                throw new CaptureRefusedException("OcrCapture.Error.NoFiles");
            }

            var (_, document) = await design.OpenAsync(name, cancellationToken);
            var result = await design.TestAsync(document, await BytesAsync(scan, cancellationToken), scan.FileName, cancellationToken);
            return Results.Ok(new
            {
                status = result.Status.ToString().ToLowerInvariant(), result.Reason, result.ReasonCode, result.TurnedOver, result.Warnings,
                cells = result.Cells.Select(c => new
                {
                    c.Path, c.Value, c.Confidence, c.Flags, crop = c.Crop is { } crop ? Convert.ToBase64String(crop) : null,
                }),
            });
        });

    private static async Task<IFormCollection> FormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NotMultipart");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = TemplateDesign.MaxUploadBytes + (1024 * 1024);
        }

        return await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = TemplateDesign.MaxUploadBytes }, cancellationToken);
    }

    private static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }

    /// <summary>A refusal answered in the caller's language; a template with problems answered with each of them.</summary>
    private static async Task<IResult> RunAsync(HttpContext context, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (CaptureRefusedException refused)
        {
            return CaptureProblems.Of(context, refused.Key == "OcrCapture.Error.NoTemplate" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, refused.Key, [.. refused.Arguments]);
        }
        catch (TemplateProblemsException problems)
        {
            var text = context.RequestServices.GetRequiredService<IStringLocalizer>();
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["OcrCapture.Error.TemplateProblems", problems.Problems.Count],
                extensions: new Dictionary<string, object?> { ["code"] = "OcrCapture.Error.TemplateProblems", ["problems"] = TemplateProblemText.Of(text, problems.Problems) });
        }
        catch (InvalidDataException)
        {
            return CaptureProblems.Of(context, StatusCodes.Status400BadRequest, "OcrCapture.Error.UploadTooLarge", TemplateDesign.MaxUploadBytes / (1024 * 1024));
        }
    }

    private static string UserId(HttpContext context) => context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<IResult> List(IScanBatchStore store, CancellationToken cancellationToken) =>
        Results.Ok((await store.TemplatesAsync(cancellationToken)).Select(t => new
        {
            t.Name, t.Version, published = t.IsPublished, hasDraft = t.Draft is not null, label = Labels(t.Draft ?? t.Definition), t.Source, t.UpdatedAt, t.UpdatedBy,
        }));

    private static async Task<IResult> Get(string name, IScanBatchStore store, CancellationToken cancellationToken) =>
        await store.FindTemplateAsync(name, cancellationToken) is { IsPublished: true } template
            ? Results.Text(template.Definition, "application/json")
            : Results.NotFound();

    private static async Task<IResult> Blank(string name, HttpContext context, IScanBatchStore store, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(context.User, Permissions.ReadBatches)).Succeeded && !(await authorization.AuthorizeAsync(context.User, Permissions.ManageTemplates)).Succeeded)
        {
            return Results.Forbid();
        }

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
