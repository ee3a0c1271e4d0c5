using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Rules;

namespace Platform.Data.Records;

/// <summary>
/// What <c>lookup</c> and <c>find</c> read during a save: live records, through the save's own context
/// (same transaction), limited to those the saving user may read and without the fields they may not see (a filter on one is
/// refused), so a script cannot hand a hidden value back to them; and the people work may be handed to (<c>people</c>).
/// </summary>
internal sealed class RecordScriptData(RecordsDbContext records, Actor actor, PlatformDbContext platform, TimeProvider clock) : IScriptData
{
    public IReadOnlyDictionary<string, object?>? Lookup(string entity, string id)
    {
        var definition = Entity(entity);
        if (!Guid.TryParse(id, out var key))
        {
            return null;
        }

        var row = Readable(definition).FirstOrDefault(r => EF.Property<Guid>(r, SystemFields.Id) == key);
        return row is null ? null : RecordStore.FieldsOf(definition, actor).Strip(RecordRows.Present(definition, row));
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Find(string entity, string filterText, int max, string? orderBy = null)
    {
        var definition = Entity(entity);
        var fields = RecordStore.FieldsOf(definition, actor);
        IQueryable<Dictionary<string, object>> query;
        try
        {
            // Sorted by the order asked for, the id breaking ties (and ordering when none is asked for).
            query = Platform.Records.Query.RecordFilter.Apply(Readable(definition), records.Schema, definition, filterText, fields, orderBy);
        }
        catch (ArgumentException e)
        {
            var order = string.IsNullOrWhiteSpace(orderBy) ? "" : $", '{orderBy}'";
            throw new ScriptFailureException(ScriptFailureKind.Error, $"find('{entity}', '{filterText}'{order}): {e.Message}");
        }

        return query.Take(max).ToList().Select(r => fields.Strip(RecordRows.Present(definition, r))).ToList();
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> People(PeopleQuery query) => Scripts.ScriptPeople.Find(platform, query, clock.GetUtcNow());

    private EntityDefinition Entity(string name) =>
        records.Schema.Find(name) ?? throw new ScriptFailureException(ScriptFailureKind.Error, $"There is no entity named '{name}'.");

    private IQueryable<Dictionary<string, object>> Readable(EntityDefinition entity) =>
        RecordStore.Covered(
            records.Set<Dictionary<string, object>>(entity.Name).AsNoTracking().Where(r => EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null),
            records.Schema, entity, actor, RecordAction.Read);
}
