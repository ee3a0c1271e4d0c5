using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Platform.Printing.Models;
using Platform.Printing.Services;
using Platform.Web.Endpoints;
using Platform.Web.Security;

namespace Platform.Printing.Endpoints;

/// <summary>
/// Writing print templates and the company's profile over the API, for people with <see cref="Permissions.Design"/> and
/// <see cref="Permissions.Company"/>: a template is checked before it is saved (its entity there, its Liquid parsing — a problem
/// says the line and column) and a draft can be previewed on a record before it is; a logo must be a picture.
/// </summary>
public static class PrintDesignEndpoints
{
    /// <summary>The largest template (settings and Liquid) or profile body read.</summary>
    public const int MostBodyBytes = 1024 * 1024;

    public static void MapPrintDesignEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var design = endpoints.MapGroup("/api/print/templates").WithTags("Printing").RequireAuthorization(Permissions.Design);
        design.MapGet("/{template:guid}", GetAsync).WithName("GetPrintTemplate").WithSummary("A print template's settings and Liquid.");
        design.MapPost("", (HttpContext context, PrintTemplates templates, IStringLocalizer text) => SaveAsync(null, context, templates, text))
            .WithName("CreatePrintTemplate").WithSummary("Saves a new print template everyone may print with.");
        design.MapPut("/{template:guid}", (Guid template, HttpContext context, PrintTemplates templates, IStringLocalizer text) => SaveAsync(template, context, templates, text))
            .WithName("ChangePrintTemplate").WithSummary("Changes a print template.");
        design.MapDelete("/{template:guid}", DeleteAsync).WithName("DeletePrintTemplate").WithSummary("Deletes a print template.");
        design.MapPost("/preview/records/{id:guid}.html", PreviewAsync).WithName("PreviewPrintDraft")
            .WithSummary("A template not saved yet (the body) printed for a record, as HTML.");

        var company = endpoints.MapGroup("/api/print/company").WithTags("Printing").RequireAuthorization(Permissions.Company);
        company.MapGet("", async (CompanySettings settings, HttpContext context) => TypedResults.Json(await settings.LoadAsync(context.RequestAborted), PrintTemplates.Json))
            .WithName("GetCompanyProfile").WithSummary("The company documents print as theirs.");
        company.MapPut("", ChangeCompanyAsync).WithName("ChangeCompanyProfile").WithSummary("Changes the company's profile (the logo as a data: address of a picture).");
        company.MapPut("/logo", ChangeLogoAsync).Accepts<byte[]>("image/png", "image/jpeg", "image/gif", "image/webp", "application/octet-stream").WithName("ChangeCompanyLogo").WithSummary("Sets the company's logo from a picture (PNG, JPEG, GIF or WebP) sent as the body.");
    }

    private static async Task<IResult> GetAsync(Guid template, HttpContext context, PrintTemplates templates, IStringLocalizer text) =>
        await templates.FindAsync(template, Actors.From(context.User), context.RequestAborted) is { Shared: true } entry
            ? TypedResults.Json(new { entry.Id, entry.Source, Template = entry.Template }, PrintTemplates.Json)
            : PrintEndpoints.Problem(StatusCodes.Status404NotFound, text["Printing.Error.NoTemplate"].Value, "template");

    private static async Task<IResult> SaveAsync(Guid? id, HttpContext context, PrintTemplates templates, IStringLocalizer text)
    {
        var (template, refusal) = await ReadAsync<PrintTemplate>(context, text);
        if (refusal is not null)
        {
            return refusal;
        }

        var (saved, problem) = await templates.SaveAsync(id, template!, Actors.From(context.User), context.RequestAborted);
        if (problem is not null)
        {
            return PrintEndpoints.Problem(problem.Code == "Printing.Error.NoTemplate" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, problem.Say(text), "template");
        }

        return id is null ? TypedResults.Created($"/api/print/templates/{saved}", new { id = saved }) : TypedResults.Ok(new { id = saved });
    }

    private static async Task<IResult> DeleteAsync(Guid template, PrintTemplates templates, HttpContext context, IStringLocalizer text) =>
        await templates.DeleteAsync(template, context.RequestAborted)
            ? TypedResults.NoContent()
            : PrintEndpoints.Problem(StatusCodes.Status404NotFound, text["Printing.Error.NoTemplate"].Value, "template");

    private static async Task<IResult> PreviewAsync(Guid id, HttpContext context, PrintService printing, IStringLocalizer text)
    {
        var (template, refusal) = await ReadAsync<PrintTemplate>(context, text);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            if (await printing.HtmlAsync(template!, id, Actors.From(context.User), CultureInfo.CurrentUICulture, context.RequestAborted) is not { } html)
            {
                return PrintEndpoints.Problem(StatusCodes.Status404NotFound, text["Printing.Error.NoRecord"].Value, "id");
            }

            AnswerPolicy.Set(context, PrintEndpoints.PreviewPolicy, "SAMEORIGIN");
            return TypedResults.Content(html, "text/html; charset=utf-8");
        }
        catch (PrintRefusedException problem)
        {
            return PrintEndpoints.Problem(StatusCodes.Status400BadRequest, problem.Say(text), "body");
        }
    }

    private static async Task<IResult> ChangeCompanyAsync(HttpContext context, CompanySettings settings, IStringLocalizer text)
    {
        var (profile, refusal) = await ReadAsync<CompanyProfile>(context, text);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            await settings.SaveAsync(profile!, Actors.From(context.User), context.RequestAborted);
            return TypedResults.NoContent();
        }
        catch (PrintRefusedException problem)
        {
            return PrintEndpoints.Problem(StatusCodes.Status400BadRequest, problem.Say(text), problem.Code.Contains("Logo", StringComparison.Ordinal) ? "logo" : "company");
        }
    }

    private static async Task<IResult> ChangeLogoAsync(HttpContext context, CompanySettings settings, IStringLocalizer text)
    {
        var body = await RequestBody.ReadAtMostAsync(context.Request, LogoImage.MostBytes, context.RequestAborted);
        if (body is null)
        {
            return PrintEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, text["Printing.Error.LogoTooLarge", LogoImage.MostBytes / 1024].Value, "logo");
        }

        try
        {
            var profile = await settings.LoadAsync(context.RequestAborted);
            var changed = JsonSerializer.Deserialize<CompanyProfile>(JsonSerializer.Serialize(profile, PrintTemplates.Json), PrintTemplates.Json)!;
            changed.Logo = LogoImage.DataAddress(body.Value.Span);
            await settings.SaveAsync(changed, Actors.From(context.User), context.RequestAborted);
            return TypedResults.NoContent();
        }
        catch (PrintRefusedException problem)
        {
            return PrintEndpoints.Problem(StatusCodes.Status400BadRequest, problem.Say(text), "logo");
        }
    }

    /// <summary>A JSON body of at most <see cref="MostBodyBytes"/>, or the refusal to answer with.</summary>
    private static async Task<(T? Value, IResult? Refusal)> ReadAsync<T>(HttpContext context, IStringLocalizer text)
        where T : class
    {
        var body = await RequestBody.ReadAtMostAsync(context.Request, MostBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return (null, PrintEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, text["Printing.Error.BodyTooLarge", MostBodyBytes / 1024].Value, null));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body.Value.Span, PrintTemplates.Json) is { } value
                ? (value, null)
                : (null, PrintEndpoints.Problem(StatusCodes.Status400BadRequest, text["Printing.Error.Json", "$", "null"].Value, "$"));
        }
        catch (JsonException e)
        {
            return (null, PrintEndpoints.Problem(StatusCodes.Status400BadRequest, text["Printing.Error.Json", e.Path ?? "$", e.Message].Value, e.Path));
        }
    }

}
