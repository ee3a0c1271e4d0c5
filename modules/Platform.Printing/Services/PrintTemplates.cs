using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Printing.Models;
using Platform.Records.Reports;

namespace Platform.Printing.Services;

/// <summary>A print template as lists show it.</summary>
public sealed record PrintTemplateEntry(Guid Id, PrintTemplate Template, bool Shared, string? Source);

/// <summary>
/// The print templates: those app packages bring (shared) and — with the template editor — people's own. Kept in the platform's
/// saved-definitions table as kind <see cref="Kind"/>; a person sees those over entities they may read.
/// </summary>
public sealed class PrintTemplates(IServiceScopeFactory scopes)
{
    public const string Kind = "print";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The templates the person may print with, of one entity or of all, by title.</summary>
    public async Task<IReadOnlyList<PrintTemplateEntry>> ListAsync(Actor actor, string? entity, string culture, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ISavedReportStore>().VisibleToAsync(Kind, actor.UserId, cancellationToken);
        return [.. saved.Where(r => Readable(r, actor) && (entity is null || string.Equals(r.EntityKey, entity, StringComparison.OrdinalIgnoreCase)))
            .Select(Entry).OfType<PrintTemplateEntry>()
            .OrderBy(e => e.Template.Labels.For(culture), StringComparer.Create(new System.Globalization.CultureInfo(culture), false))];
    }

    /// <summary>A template the person may print with, or null.</summary>
    public async Task<PrintTemplateEntry?> FindAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ISavedReportStore>().FindAsync(id, cancellationToken);
        return row is null || row.Kind != Kind || (row.OwnerId is not null && row.OwnerId != actor.UserId) || !Readable(row, actor) ? null : Entry(row);
    }

    private static bool Readable(SavedReport row, Actor actor) => row.EntityKey is not null && actor.Rights.ScopeOf(row.EntityKey, RecordAction.Read) != RecordScope.None;

    private static PrintTemplateEntry? Entry(SavedReport row)
    {
        try
        {
            return JsonSerializer.Deserialize<PrintTemplate>(row.Definition, Json) is { } template ? new(row.Id, template, row.OwnerId is null, row.Source) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
