using Platform.Core;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Rules;

namespace Platform.Workflows.Endpoints;

/// <summary>
/// Runs an engine call and turns refusals into problem answers in the user's language: 403 when the
/// task is not the user's, 404 when there is no such task or instance, 400 with the reason otherwise — never a 500.
/// </summary>
internal static class WorkflowResults
{
    /// <summary>Bodies of start, complete and message calls: variables and a comment, not files.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> RunAsync(HttpContext context, Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (WorkflowAccessException)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Text(context, "Workflows.Error.NotYourTask"));
        }
        catch (WorkflowException e) when (e.Code is WorkflowException.NoSuchTask or WorkflowException.NoSuchInstance or WorkflowException.NoMessageStart)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Text(context, $"Workflows.Error.{e.Code}"));
        }
        catch (WorkflowException e)
        {
            // Filled with the exception's arguments (a process or step name): a text with {0} and nothing to fill it would fail.
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Code is null ? e.Message : Text(context, $"Workflows.Error.{e.Code}", [.. e.Arguments]));
        }
        catch (ScriptFailureException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message);
        }
    }

    public static IResult NotFound(HttpContext context) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Text(context, "Workflows.Error.NoSuchInstance"));

    public static string Text(HttpContext context, string key, params object[] arguments) =>
        context.RequestServices.GetRequiredService<IStringLocalizer>()[key, arguments];

    /// <summary>
    /// Reads <c>{ "variables": {…}, "comment": "…" }</c> (an empty body is neither); null, with a 400
    /// written that says what is wrong, when the body is not such JSON or larger than 1 MB.
    /// </summary>
    public static async Task<(Dictionary<string, object?> Variables, string? Comment, JsonElement Body)?> ReadBodyAsync(HttpContext context)
    {
        if (await ReadAtMostAsync(context, MaxBodyBytes) is not { } content)
        {
            return await RefuseAsync(context, Text(context, "Workflows.Error.BodyTooLarge"));
        }

        if (content.Length == 0)
        {
            return ([], null, default);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(content);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return await RefuseAsync(context, Text(context, "Workflows.Error.NotJson", e.Message));
        }

        if (root.ValueKind != JsonValueKind.Object
            || (root.TryGetProperty("variables", out var variables) && variables.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            || (root.TryGetProperty("comment", out var comment) && comment.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
        {
            return await RefuseAsync(context, Text(context, "Workflows.Error.BodyShape"));
        }

        return (root.TryGetProperty("variables", out var v) ? JsonValues.ReadObject(v) : [],
            root.TryGetProperty("comment", out var c) ? c.GetString() : null, root);
    }

    /// <summary>The request body, or null as soon as it passes <paramref name="limit"/> bytes (never buffered beyond it).</summary>
    public static async Task<byte[]?> ReadAtMostAsync(HttpContext context, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<(Dictionary<string, object?>, string?, JsonElement)?> RefuseAsync(HttpContext context, string message)
    {
        await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: message).ExecuteAsync(context);
        return null;
    }

    /// <summary>Reads the body (400 when it is not the right shape, attachments included), then runs the call with refusals answered.</summary>
    public static async Task<IResult> WithBodyAsync(HttpContext context, Func<ActionBody, Task<IResult>> call)
    {
        if (await ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        List<Guid>? files = null;
        if (body.Body.ValueKind == JsonValueKind.Object && body.Body.TryGetProperty("attachments", out var attachments) && attachments.ValueKind != JsonValueKind.Null)
        {
            files = attachments.ValueKind == JsonValueKind.Array
                ? [.. attachments.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String && Guid.TryParse(a.GetString(), out var g) ? g : Guid.Empty)]
                : [Guid.Empty];
            if (files.Contains(Guid.Empty))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Text(context, "Workflows.Error.AttachmentsShape"));
            }
        }

        return await RunAsync(context, () => call(new ActionBody(body.Variables, body.Comment, files, body.Body)));
    }

    internal sealed record ActionBody(Dictionary<string, object?> Variables, string? Comment, IReadOnlyList<Guid>? Files, JsonElement Body)
    {
        public string? Text(string name) =>
            Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
