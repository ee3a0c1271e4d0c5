using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Workflows.Engine;
using Platform.Workflows.Runtime;

namespace Platform.Approvals.Endpoints;

/// <summary>Runs an engine call and turns refusals into problem answers: 400 with the reason, 403 when the user may not act, never a 500.</summary>
internal static class WorkflowResults
{
    public static async Task<IResult> RunAsync(Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (WorkflowAccessException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: e.Message);
        }
        catch (WorkflowException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message);
        }
    }

    /// <summary>Reads <c>{ "variables": {…}, "comment": "…" }</c>; null (and a 400 written) when the body is not such JSON.</summary>
    public static async Task<(Dictionary<string, object?> Variables, string? Comment, JsonElement Body)?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength is 0 || (context.Request.ContentLength is null && !context.Request.Body.CanSeek && context.Request.ContentType is null))
        {
            return ([], null, default);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("The body is not a JSON object.");
            }

            var variables = root.TryGetProperty("variables", out var v) ? InstanceStateJson.ReadVariables(v) : [];
            var comment = root.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return (variables, comment, root);
        }
        catch (JsonException e)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The body is not valid JSON: {e.Message}").ExecuteAsync(context);
            return null;
        }
    }
}
