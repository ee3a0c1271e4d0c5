using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// Creates and changes entities. The SQL comes from EF Core: the relational models of the schema
/// before and after are diffed and the provider's migrations SQL generator writes the statements,
/// so no DDL is written by hand for any database. The DDL, the new definition and the history entry
/// commit in one transaction; any failure leaves data and metadata exactly as they were.
/// </summary>
public sealed partial class SchemaManager(PlatformDbContext db, RecordsDbContextFactory records, SchemaCache cache, RecordValueConverter converter, TimeProvider clock) : ISchemaManager
{
    public async Task<RecordsSchema> LoadSchemaAsync(CancellationToken cancellationToken = default)
    {
        var stamp = await StampAsync(cancellationToken);
        if (cache.TryGet(stamp, out var cached))
        {
            return cached;
        }

        var documents = await db.EntityDefinitions.AsNoTracking().Select(e => e.Document).ToListAsync(cancellationToken);
        var schema = new RecordsSchema(documents.Select(MetadataJson.Read));
        cache.Set(stamp, schema);
        return schema;
    }

    /// <summary>
    /// The keys and versions of all definitions, read on every record operation so changes made by
    /// another node are seen at once. A plain command rather than a LINQ query: it is on the hot path
    /// of every save and costs a fraction as much.
    /// </summary>
    private async Task<string> StampAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "SELECT \"Key\", \"Version\" FROM \"EntityDefinitions\"";
        var versions = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add($"{reader.GetString(0)}:{reader.GetInt32(1)}");
            }
        }

        versions.Sort(StringComparer.Ordinal);
        return string.Join(",", versions);
    }

    /// <summary>Creates <paramref name="proposed"/> or brings the existing entity of that name to it.</summary>
    /// <param name="alsoDefined">Entities defined alongside this one (a package), which lookups may refer to.</param>
    /// <param name="renames">The entity this document renames (its table and records stay); a rename is never inferred from the document alone.</param>
    public async Task<SchemaChangeResult> ApplyAsync(EntityDefinition proposed, string changedBy, bool dryRun = false, IReadOnlyCollection<string>? alsoDefined = null, string? renames = null, CancellationToken cancellationToken = default)
    {
        var errors = MetadataValidator.Validate(proposed);
        if (errors.Count == 0)
        {
            // Scripts are parsed now: a syntax error refuses the save, with its line and column.
            errors = Platform.Rules.EntityScripts.Check(proposed);
        }

        if (errors.Count > 0)
        {
            return SchemaChangeResult.Refused(errors);
        }

        var target = MetadataJson.Copy(proposed);
        DocumentStatus.Complete(target);
        // Joins the caller's transaction when there is one (a package applies many entities at once).
        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        var schema = await LoadSchemaAsync(cancellationToken);
        var current = schema.Find(target.Name);
        if (RenameProblems(schema, current, target, renames) is { Count: > 0 } renameProblems)
        {
            return SchemaChangeResult.Refused(renameProblems);
        }

        var renamed = renames is not null && current is null ? schema.Find(renames) : null;
        if (renamed is not null)
        {
            schema = await RenameEntityAsync(schema, renamed, target.Name, changedBy, cancellationToken);
            current = schema.Find(target.Name);
        }

        var matches = FieldMatching.Match(current, target);
        KeepRemovedFields(current, target, matches);
        var refused = UnsupportedChanges(current, target, matches);
        refused.AddRange(UnknownLookupTargets(schema, target, alsoDefined ?? []));
        refused.AddRange(LineItemConflicts(schema, target, alsoDefined ?? []));
        if (refused.Count > 0)
        {
            return SchemaChangeResult.Refused(refused);
        }

        StorageKeys.Assign(target, current, schema, matches);
        var result = await CommitAsync(schema, current, target, matches, changedBy, dryRun, transaction, cancellationToken, renamed is not null);
        return result.Succeeded ? result with { Summary = Summary(renamed, current, target, matches) } : result;
    }

    /// <summary>
    /// Drops the column and data of a field that was removed before (removing keeps them); the one
    /// change that deletes data, so it is a separate, explicit step.
    /// </summary>
    public async Task<SchemaChangeResult> PurgeFieldAsync(string entityName, string fieldName, string changedBy, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        var schema = await LoadSchemaAsync(cancellationToken);
        var current = schema.Find(entityName);
        if (current is null)
        {
            return SchemaChangeResult.Refused([new MetadataError("$.name", $"There is no entity named '{entityName}'.")]);
        }

        var field = current.Field(fieldName);
        if (field is not { Removed: true })
        {
            return SchemaChangeResult.Refused([new MetadataError("$.fields", field is null
                ? $"'{entityName}' has no field '{fieldName}'."
                : $"Only removed fields can be purged: remove '{fieldName}' from the entity first.")]);
        }

        var target = MetadataJson.Copy(current);
        target.Fields.RemoveAll(f => string.Equals(f.Name, field.Name, StringComparison.Ordinal));
        return await CommitAsync(schema, current, target, FieldMatching.Match(current, target), changedBy, dryRun, transaction, cancellationToken);
    }

    /// <summary>
    /// Deletes an entity and its table. Refused while it holds records (live or in the recycle bin)
    /// or other entities look it up: deleting an entity never deletes data someone still has.
    /// </summary>
    public Task<SchemaChangeResult> DeleteEntityAsync(string entityName, string changedBy, bool dryRun = false, CancellationToken cancellationToken = default) =>
        DeleteEntitiesAsync([entityName], withRecords: false, changedBy, dryRun, cancellationToken);

    public async Task<SchemaChangeResult> DeleteEntitiesAsync(IReadOnlyCollection<string> entityNames, bool withRecords, string changedBy, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        var schema = await LoadSchemaAsync(cancellationToken);
        var going = new List<EntityDefinition>();
        foreach (var name in entityNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (schema.Find(name) is not { } entity)
            {
                return SchemaChangeResult.Refused([new MetadataError("$.name", $"There is no entity named '{name}'.")]);
            }

            going.Add(entity);
        }

        // Lines fields count removed or not: the line table keeps its parent column until the field is purged.
        var referrers = schema.Entities.Where(e => !going.Contains(e))
            .SelectMany(e => e.Fields.Where(f => (f.Type == FieldTypes.Lines.Name || (f.Type == FieldTypes.Lookup.Name && !f.Removed))
                && going.Any(g => string.Equals(f.Target, g.Name, StringComparison.OrdinalIgnoreCase))).Select(f => (Referrer: $"{e.Name}.{f.Name}", f.Target)))
            .ToList();
        if (referrers.Count > 0)
        {
            return SchemaChangeResult.Refused([.. referrers.GroupBy(r => r.Target, StringComparer.OrdinalIgnoreCase).Select(g => new MetadataError("$.name",
                $"'{schema.Find(g.Key!)!.Name}' is referred to by {string.Join(", ", g.Select(r => r.Referrer))}; remove (and for line items, purge) those fields first."))]);
        }

        var connection = db.Database.GetDbConnection();
        await using var before = records.Create(connection, schema);
        before.Database.UseTransaction(transaction.Current.GetDbTransaction());
        var counts = new List<(EntityDefinition Entity, int Count)>();
        foreach (var entity in going)
        {
            counts.Add((entity, await before.Set<Dictionary<string, object>>(entity.Name).CountAsync(cancellationToken)));
        }

        if (!withRecords && counts.Where(c => c.Count > 0).ToList() is { Count: > 0 } holding)
        {
            return SchemaChangeResult.Refused([.. holding.Select(c => new MetadataError("$.name", $"'{c.Entity.Name}' still holds {c.Count} record(s), counting the recycle bin; delete them first."))]);
        }

        var after = schema;
        foreach (var entity in going)
        {
            after = after.Without(entity.Name);
        }

        await using var changed = records.Create(connection, after);
        var commands = Generate(before, changed);
        var sql = commands.Select(c => c.CommandText.Trim()).ToList();
        var keys = going.Select(e => Key(e.Name)).ToList();
        var stored = await db.EntityDefinitions.Where(e => keys.Contains(e.Key)).ToListAsync(cancellationToken);
        var deleted = counts.Sum(c => (long)c.Count);
        var single = going.Count == 1 ? going[0] : null;
        if (dryRun)
        {
            return new SchemaChangeResult([], sql, single, single is null ? 0 : stored.Single().Version + 1, Applied: false, deleted);
        }

        changed.Database.UseTransaction(transaction.Current.GetDbTransaction());
        try
        {
            foreach (var command in commands)
            {
                await changed.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
            }
        }
        catch (DbException e)
        {
            await transaction.RollbackAsync();
            return SchemaChangeResult.Refused([new MetadataError("$", $"The database refused the change, so nothing was changed: {e.Message}")]);
        }

        if (deleted > 0)
        {
            await ForgetRecordsAsync(keys, cancellationToken);
        }

        var now = clock.GetUtcNow();
        foreach (var definition in stored)
        {
            db.EntityDefinitions.Remove(definition);
            db.SchemaChanges.Add(new SchemaChange
            {
                EntityKey = definition.Key, Version = definition.Version + 1, Before = definition.Document, After = "",
                Sql = string.Join(";\n", sql), ChangedAt = now, ChangedBy = changedBy,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SchemaChangeResult([], sql, single, single is null ? 0 : stored.Single().Version + 1, Applied: true, deleted);
    }

    /// <summary>What the platform kept beside the deleted records: their audit trail, shares and duplicate keys go; their files are let go, for the sweeper.</summary>
    private async Task ForgetRecordsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await db.AuditEntries.Where(a => keys.Contains(a.EntityKey)).ExecuteDeleteAsync(cancellationToken);
        await db.RecordShares.Where(s => keys.Contains(s.EntityKey)).ExecuteDeleteAsync(cancellationToken);
        await db.RecordMatchPairs.Where(p => keys.Contains(p.EntityKey)).ExecuteDeleteAsync(cancellationToken);
        await db.RecordMatchKeys.Where(k => keys.Contains(k.EntityKey)).ExecuteDeleteAsync(cancellationToken);
        await db.StoredFiles.Where(f => f.EntityKey != null && keys.Contains(f.EntityKey))
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.EntityKey, (string?)null).SetProperty(x => x.RecordId, (Guid?)null).SetProperty(x => x.FieldName, (string?)null), cancellationToken);
    }

    public async Task<long> CountRecordsAsync(string entityName, CancellationToken cancellationToken = default)
    {
        var schema = await LoadSchemaAsync(cancellationToken);
        if (schema.Find(entityName) is not { } entity)
        {
            return 0;
        }

        await using var reader = records.Create(db.Database.GetDbConnection(), schema);
        if (db.Database.CurrentTransaction is { } current)
        {
            reader.Database.UseTransaction(current.GetDbTransaction());
        }

        return await reader.Set<Dictionary<string, object>>(entity.Name).LongCountAsync(cancellationToken);
    }

    /// <summary>Diffs, checks, runs and records one change inside the current transaction.</summary>
    private async Task<SchemaChangeResult> CommitAsync(RecordsSchema schema, EntityDefinition? current, EntityDefinition target, Dictionary<FieldDefinition, FieldDefinition> matches, string changedBy, bool dryRun, JoinedTransaction joined, CancellationToken cancellationToken, bool renamed = false)
    {
        var transaction = joined.Current;
        var stored = await db.EntityDefinitions.SingleOrDefaultAsync(e => e.Key == Key(target.Name), cancellationToken);
        if (current is not null && MetadataJson.Write(current) == MetadataJson.Write(target))
        {
            // Applying the same document again (a package re-applied at start-up) changes nothing and records nothing.
            // A rename alone was written already: it only needs committing.
            if (renamed && !dryRun)
            {
                await joined.CommitAsync(cancellationToken);
            }

            return new SchemaChangeResult([], [], current, stored!.Version, Applied: renamed && !dryRun);
        }

        var next = schema.With(target);
        var connection = db.Database.GetDbConnection();
        await using var before = records.Create(connection, schema);
        await using var after = records.Create(connection, next);
        before.Database.UseTransaction(transaction.GetDbTransaction());
        var blocked = await DuplicatesBlockingUniqueAsync(before, current, target, matches, cancellationToken);
        blocked.AddRange(await RecordsBlockingLinesAsync(before, matches, target, cancellationToken));
        if (current is not null)
        {
            blocked.AddRange(await ValuesBlockingChangeAsync(before, current, target, matches, cancellationToken));
        }

        if (blocked.Count > 0)
        {
            return SchemaChangeResult.Refused(blocked);
        }

        // A type change that moves values to a new column runs in two steps with a copy between them.
        var moves = target.Fields.Where(f => !f.Removed && matches.TryGetValue(f, out var p) && p.Column is not null && f.Column is not null && p.Column != f.Column)
            .Select(f => (Field: f, Previous: matches[f])).ToList();
        await using var between = moves.Count == 0 ? null : records.Create(connection, schema.With(WithPreviousColumns(target, moves)));
        var steps = between is null ? [Generate(before, after)] : new[] { Generate(before, between), Generate(between, after) };
        var commands = steps.SelectMany(s => s).ToList();
        var sql = commands.Select(c => c.CommandText.Trim()).ToList();
        var rows = current is null || sql.Count == 0 ? 0 : await before.Set<Dictionary<string, object>>(current.Name).LongCountAsync(cancellationToken);
        // A re-created entity continues the history of the one deleted under its name.
        var version = (stored?.Version ?? await db.SchemaChanges.Where(c => c.EntityKey == Key(target.Name)).MaxAsync(c => (int?)c.Version, cancellationToken) ?? 0) + 1;
        if (dryRun)
        {
            return new SchemaChangeResult([], sql, target, version, Applied: false, rows);
        }

        after.Database.UseTransaction(transaction.GetDbTransaction());
        try
        {
            foreach (var command in steps[0])
            {
                await after.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
            }

            if (between is not null)
            {
                between.Database.UseTransaction(transaction.GetDbTransaction());
                await CopyConvertedAsync(between, target, moves, cancellationToken);
                foreach (var command in steps[1])
                {
                    await after.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // The transaction is rolled back when disposed: no column, index or definition is left behind.
            db.ChangeTracker.Clear();
            return SchemaChangeResult.Refused([new MetadataError("$", $"The database refused the change, so nothing was changed: {(e.InnerException ?? e).Message}")]);
        }

        if (current is not null && DuplicateKeysChange(current, target))
        {
            // New or changed duplicate rules: every live record's keys are made afresh, in the change's transaction.
            await new Duplicates.DuplicateIndex(db).RebuildAsync(target,
                after.Set<Dictionary<string, object>>(target.Name).Where(r => EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null), cancellationToken);
        }

        var now = clock.GetUtcNow();
        var document = MetadataJson.Write(target);
        if (stored is null)
        {
            db.EntityDefinitions.Add(new StoredEntityDefinition { Key = Key(target.Name), Document = document, Version = version, UpdatedAt = now, UpdatedBy = changedBy });
        }
        else
        {
            stored.Document = document;
            stored.Version = version;
            stored.UpdatedAt = now;
            stored.UpdatedBy = changedBy;
        }

        db.SchemaChanges.Add(new SchemaChange
        {
            EntityKey = Key(target.Name), Version = version, Before = current is null ? null : MetadataJson.Write(current),
            After = document, Sql = string.Join(";\n", sql), ChangedAt = now, ChangedBy = changedBy,
        });
        await db.SaveChangesAsync(cancellationToken);
        await joined.CommitAsync(cancellationToken);
        return new SchemaChangeResult([], sql, target, version, Applied: true, rows);
    }

    /// <summary>Whether records' match keys change: the rules do, or a field a rule compares changes its kind.</summary>
    private static bool DuplicateKeysChange(EntityDefinition current, EntityDefinition target) =>
        System.Text.Json.JsonSerializer.Serialize(current.Duplicates ?? [], MetadataJson.Options) != System.Text.Json.JsonSerializer.Serialize(target.Duplicates ?? [], MetadataJson.Options)
        || (target.Duplicates ?? []).SelectMany(r => r.Fields).Any(name => current.LiveField(name)?.Type != target.LiveField(name)?.Type);

    public Task<List<SchemaChange>> HistoryAsync(string entityName, CancellationToken cancellationToken = default) =>
        db.SchemaChanges.AsNoTracking().Where(c => c.EntityKey == Key(entityName)).OrderBy(c => c.Version).ToListAsync(cancellationToken);

    private static IReadOnlyList<MigrationCommand> Generate(RecordsDbContext before, RecordsDbContext after)
    {
        var source = before.Schema.Entities.Count == 0 ? null : before.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var targetModel = after.GetService<IDesignTimeModel>().Model;
        var operations = after.GetService<IMigrationsModelDiffer>().GetDifferences(source, targetModel.GetRelationalModel());
        return after.GetService<IMigrationsSqlGenerator>().Generate(operations, targetModel, MigrationsSqlGenerationOptions.Default);
    }

    private static string Key(string name) => name.ToLowerInvariant();
}
