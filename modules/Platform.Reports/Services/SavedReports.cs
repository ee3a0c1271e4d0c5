using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Query.Aggregation;
using Platform.Records.Reports;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>A saved report as lists show it: whose it is, and what is wrong with it now (a field deleted since it was saved).</summary>
public sealed record ReportEntry(Guid Id, ReportDefinition Definition, bool Shared, bool Mine, string? Source, AggregateRefusedException? Problem);

/// <summary>
/// The reports people saved: each user's own and the shared ones, which only people with <see cref="Permissions.Share"/> may
/// save, change or delete. A report is checked against its entity when saved; a report whose entity changed since (a field
/// deleted) is listed with its problem, and running it is refused saying which, never a server error.
/// </summary>
public sealed class SavedReports(IServiceScopeFactory scopes)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The shared reports, then the user's own, each by title — only those over entities the user may read.</summary>
    public async Task<IReadOnlyList<ReportEntry>> ListAsync(Actor actor, string culture, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var schema = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        var saved = await scope.ServiceProvider.GetRequiredService<ISavedReportStore>().VisibleToAsync(SavedReport.ReportKind, actor.UserId, cancellationToken);
        return [.. saved.Where(r => r.EntityKey is null || actor.Rights.ScopeOf(r.EntityKey, RecordAction.Read) != RecordScope.None)
            .Select(r => Entry(r, actor, schema))
            .OrderBy(e => !e.Shared).ThenBy(e => e.Definition.Labels.For(culture), StringComparer.Create(new System.Globalization.CultureInfo(culture), false))];
    }

    /// <summary>A report the user may see (shared, or theirs), or null.</summary>
    public async Task<ReportEntry?> FindAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ISavedReportStore>().FindAsync(id, cancellationToken);
        // As the list: not theirs, or over an entity their roles cannot read, is not there for them.
        if (row is null || row.Kind != SavedReport.ReportKind || (row.OwnerId is not null && row.OwnerId != actor.UserId)
            || (row.EntityKey is not null && actor.Rights.ScopeOf(row.EntityKey, RecordAction.Read) == RecordScope.None))
        {
            return null;
        }

        var schema = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        return Entry(row, actor, schema);
    }

    /// <summary>Saves a report (a new one when <paramref name="id"/> is null); answers its id, or the problem that stops it.</summary>
    public async Task<(Guid? Id, AggregateRefusedException? Problem)> SaveAsync(Guid? id, ReportDefinition report, bool shared, Actor actor, bool mayShare,
        CancellationToken cancellationToken = default)
    {
        if (shared && !mayShare)
        {
            return (null, new AggregateRefusedException("shared", "Reports.Error.MayNotShare", "Your roles do not let you share reports."));
        }

        await using var scope = scopes.CreateAsyncScope();
        var schema = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        if (Problem(schema, report) is { } problem)
        {
            return (null, problem);
        }

        var entityKey = PermissionKey(schema, report.Entity);
        if (actor.Rights.ScopeOf(entityKey, RecordAction.Read) == RecordScope.None)
        {
            return (null, new AggregateRefusedException("entity", "Reports.Error.Forbidden", $"Your roles do not let you read {report.Entity}.", report.Entity));
        }

        var store = scope.ServiceProvider.GetRequiredService<ISavedReportStore>();
        var row = id is null ? null : await store.FindAsync(id.Value, cancellationToken);
        if (id is not null && (row is null || row.Kind != SavedReport.ReportKind || !MayChange(row, actor.UserId, mayShare)))
        {
            return (null, new AggregateRefusedException("id", "Reports.Error.NotYours", "There is no report of yours with this id."));
        }

        if (row is null)
        {
            row = new SavedReport { Id = Guid.NewGuid(), Kind = SavedReport.ReportKind };
            store.Add(row);
        }

        row.EntityKey = entityKey;
        row.OwnerId = shared ? null : actor.UserId;
        row.Label = Title(report);
        row.Definition = JsonSerializer.Serialize(report, Json);
        row.UpdatedAt = DateTimeOffset.UtcNow;
        row.UpdatedBy = actor.Name;
        await store.SaveChangesAsync(cancellationToken);
        return (row.Id, null);
    }

    /// <summary>Deletes a report the user may change; false when there is none such.</summary>
    public async Task<bool> DeleteAsync(Guid id, Actor actor, bool mayShare, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISavedReportStore>();
        var row = await store.FindAsync(id, cancellationToken);
        if (row is null || row.Kind != SavedReport.ReportKind || !MayChange(row, actor.UserId, mayShare))
        {
            return false;
        }

        store.Remove(row);
        await store.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>What is wrong with a report against the entities as they are now, or null.</summary>
    public static AggregateRefusedException? Problem(RecordsSchema schema, ReportDefinition report)
    {
        try
        {
            ReportRunner.Check(schema, report);
            return null;
        }
        catch (AggregateRefusedException refused)
        {
            return refused;
        }
    }

    /// <summary>The entity whose read permission a report needs, as rights name it: its own, or for line items their record's.</summary>
    internal static string PermissionKey(RecordsSchema schema, string entity) =>
        (schema.ParentOf(entity)?.Parent ?? schema.Find(entity)!).Name.ToLowerInvariant();

    /// <summary>The title a row is found by: the Chinese one, else any.</summary>
    internal static string Title(ReportDefinition report)
    {
        var title = report.Labels.TryGetValue("zh-CN", out var zh) && !string.IsNullOrWhiteSpace(zh) ? zh : report.Labels.Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
        return title.Trim().Length > 100 ? title.Trim()[..100] : title.Trim();
    }

    private static ReportEntry Entry(SavedReport row, Actor actor, RecordsSchema schema)
    {
        var definition = Read(row);
        return new ReportEntry(row.Id, definition, row.OwnerId is null, row.OwnerId == actor.UserId, row.Source, Problem(schema, definition));
    }

    internal static ReportDefinition Read(SavedReport row) =>
        JsonSerializer.Deserialize<ReportDefinition>(row.Definition, Json) ?? new ReportDefinition { Labels = new() { ["zh-CN"] = row.Label } };

    private static bool MayChange(SavedReport report, string userId, bool mayShare) => report.OwnerId is null ? mayShare : report.OwnerId == userId;
}
