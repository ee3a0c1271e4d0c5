using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.OcrCapture.Proofreading;
using Platform.Records.Ocr;

namespace Platform.OcrCapture.Endpoints;

/// <summary>
/// Vertical proofreading over the API: a batch's fields with their progress; one field's cells grouped by what
/// they read; confirming cells as read, or correcting them to a value, many at once.
/// </summary>
public static class ProofreadingEndpoints
{
    public sealed record CellsRequest(List<long>? Cells, string? Value, string? How);

    public static void MapProofreadingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var batch = endpoints.MapGroup("/api/ocr/batches/{id:guid}").WithTags("OCR capture").RequireAuthorization(Permissions.ReadBatches);
        batch.MapGet("/fields", Fields).WithName("GetBatchFields").WithSummary("The fields read in the batch: cells, flagged, not yet confirmed.");
        batch.MapGet("/fields/{field}/groups", Groups).WithName("GetProofreadingGroups")
            .WithSummary("One field's cells across the batch, grouped by what they read, groups with the least sure unconfirmed cell first.");
        batch.MapPost("/cells/accept", Accept).RequireAuthorization(Permissions.Proofread).WithName("AcceptCells")
            .WithSummary("Confirms cells as they read: { cells: [ids] }.");
        batch.MapPost("/cells/correct", Correct).RequireAuthorization(Permissions.Proofread).WithName("CorrectCells")
            .WithSummary("Sets cells to a value and confirms them: { cells: [ids], value } (a blank value means empty); every change is kept.");
    }

    private static async Task<IResult> Fields(Guid id, IScanBatchStore store, CancellationToken cancellationToken) =>
        Results.Ok(await store.FieldsAsync(id, cancellationToken));

    private static async Task<IResult> Groups(Guid id, string field, ProofreadingService proofreading, CancellationToken cancellationToken) =>
        Results.Ok((await proofreading.GroupsAsync(id, field, cancellationToken)).Select(g => new
        {
            g.Value, g.Unconfirmed, g.Flagged,
            cells = g.Cells.Select(c => new
            {
                c.Id, c.PageId, page = c.PageOrdinal, c.Path, c.Value, c.Read, c.Confidence, flags = c.Flags.Length == 0 ? [] : c.Flags.Split(','), c.Confirmed,
                crop = $"/api/ocr/cells/{c.Id}/crop",
            }),
        }));

    private static Task<IResult> Accept(Guid id, CellsRequest request, HttpContext context, ProofreadingService proofreading, CancellationToken cancellationToken) =>
        RunAsync(context, () => proofreading.AcceptAsync(id, request.Cells ?? [], UserId(context), How(request), cancellationToken));

    private static Task<IResult> Correct(Guid id, CellsRequest request, HttpContext context, ProofreadingService proofreading, CancellationToken cancellationToken) =>
        RunAsync(context, () => proofreading.CorrectAsync(id, request.Cells ?? [], request.Value, UserId(context), How(request), cancellationToken));

    private static async Task<IResult> RunAsync(HttpContext context, Func<Task<int>> confirm)
    {
        try
        {
            return Results.Ok(new { confirmed = await confirm() });
        }
        catch (CaptureRefusedException e)
        {
            return CaptureProblems.Of(context, StatusCodes.Status400BadRequest, e.Key, [.. e.Arguments]);
        }
    }

    private static string UserId(HttpContext context) => context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static string How(CellsRequest request) => request.How is "cell" or "group" or "field" or "sheet" ? request.How : "cell";
}
