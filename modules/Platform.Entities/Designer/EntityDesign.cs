using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.Entities.Designer;

/// <summary>
/// The designer's way to the schema: open an entity's definition as an editable copy, run a change
/// as a dry run (the SQL and the rows it touches, or every problem with its place), then apply it —
/// all through the schema manager that packages and the metadata API use.
/// </summary>
public sealed class EntityDesign(IServiceScopeFactory scopes)
{
    public async Task<RecordsSchema> SchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
    }

    /// <summary>An editable copy of the entity's definition; null when there is none.</summary>
    public async Task<EntityDefinition?> OpenAsync(string name, CancellationToken cancellationToken = default) =>
        (await SchemaAsync(cancellationToken)).Find(name) is { } entity ? MetadataJson.Copy(entity) : null;

    /// <summary>What saving the definition would do, writing nothing.</summary>
    public Task<SchemaChangeResult> DryRunAsync(EntityDefinition proposed, string changedBy, CancellationToken cancellationToken = default) =>
        RunAsync(m => m.ApplyAsync(MetadataJson.Copy(proposed), changedBy, dryRun: true, cancellationToken: cancellationToken));

    public Task<SchemaChangeResult> ApplyAsync(EntityDefinition proposed, string changedBy, CancellationToken cancellationToken = default) =>
        RunAsync(m => m.ApplyAsync(MetadataJson.Copy(proposed), changedBy, cancellationToken: cancellationToken));

    /// <summary>Drops a removed field's column and data for good (dry run first).</summary>
    public Task<SchemaChangeResult> PurgeFieldAsync(string entity, string field, string changedBy, bool dryRun, CancellationToken cancellationToken = default) =>
        RunAsync(m => m.PurgeFieldAsync(entity, field, changedBy, dryRun, cancellationToken));

    public async Task<IReadOnlyList<SchemaChange>> HistoryAsync(string entity, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var history = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().HistoryAsync(entity, cancellationToken);
        return [.. history.OrderByDescending(h => h.Version)];
    }

    /// <summary>Statements that destroy data (dropping a table or a column): the designer asks before running them.</summary>
    public static bool Destructive(SchemaChangeResult result) =>
        result.Sql.Any(s => s.Contains("DROP TABLE", StringComparison.OrdinalIgnoreCase) || s.Contains("DROP COLUMN", StringComparison.OrdinalIgnoreCase));

    private async Task<SchemaChangeResult> RunAsync(Func<ISchemaManager, Task<SchemaChangeResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<ISchemaManager>());
    }
}
