using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Identity.Models;

namespace Platform.Identity.Endpoints;

/// <summary>
/// Answers of administration calls: the saved resource read back (201 with its address, or 200), or
/// 400 with every problem, each bound to its property (camelCase) when it concerns one.
/// </summary>
internal static class AdministrationAnswers
{
    public static async Task<Results<Created<T>, ProblemHttpResult>> CreatedOrRefused<T>(AdministrationResult result, Func<string> location, Func<Task<T>> readBack) =>
        result.Succeeded ? TypedResults.Created(location(), await readBack()) : Of(result.Errors);

    public static async Task<Results<Ok<T>, ProblemHttpResult>> SavedOrRefused<T>(AdministrationResult result, Func<Task<T>> readBack) =>
        result.Succeeded ? TypedResults.Ok(await readBack()) : Of(result.Errors);

    public static ProblemHttpResult Of(IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: errors[0].Message,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new { field = e.Field is null ? null : char.ToLowerInvariant(e.Field[0]) + e.Field[1..], message = e.Message }).ToList(),
            });

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: message);
}
