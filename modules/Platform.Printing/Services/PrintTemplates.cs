using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Printing.Models;
using Platform.Records;
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

    /// <summary>
    /// Saves a template everyone prints with (a new one when <paramref name="id"/> is null) — for people with
    /// <see cref="Permissions.Design"/>, checked by the caller; answers its id, or the problem that stops it (nothing saved then).
    /// </summary>
    public async Task<(Guid? Id, PrintRefusedException? Problem)> SaveAsync(Guid? id, PrintTemplate template, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var schema = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        template.BodyFile = null;
        if (Packages.PackagePrintTemplates.Problem(schema, template) is { } problem)
        {
            return (null, problem);
        }

        var store = scope.ServiceProvider.GetRequiredService<ISavedReportStore>();
        var row = id is null ? null : await store.FindAsync(id.Value, cancellationToken);
        if (id is not null && (row is null || row.Kind != Kind || row.OwnerId is not null))
        {
            return (null, new PrintRefusedException("Printing.Error.NoTemplate", "There is no such print template."));
        }

        if (row is null)
        {
            row = new SavedReport { Id = Guid.NewGuid(), Kind = Kind };
            store.Add(row);
        }

        template.Entity = schema.Find(template.Entity)!.Name;
        row.EntityKey = template.Entity.ToLowerInvariant();
        row.Label = Title(template);
        row.Definition = JsonSerializer.Serialize(template, Json);
        (row.UpdatedAt, row.UpdatedBy) = (DateTimeOffset.UtcNow, actor.Name);
        await store.SaveChangesAsync(cancellationToken);
        return (row.Id, null);
    }

    /// <summary>Deletes a template everyone prints with; false when there is none such. (A package's comes back when the package is applied again.)</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISavedReportStore>();
        if (await store.FindAsync(id, cancellationToken) is not { Kind: Kind, OwnerId: null } row)
        {
            return false;
        }

        store.Remove(row);
        await store.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The title a row is found by: the Chinese one, else any.</summary>
    internal static string Title(PrintTemplate template)
    {
        var title = (template.Labels.TryGetValue("zh-CN", out var zh) && !string.IsNullOrWhiteSpace(zh) ? zh : template.Labels.Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "").Trim();
        return title.Length > 100 ? title[..100] : title;
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
