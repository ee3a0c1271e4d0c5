using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Rules;

namespace Platform.Data.Records;

/// <summary>
/// What <c>lookup</c> and <c>find</c> read during a save: live records, through the save's own context
/// (same transaction), limited to those the saving user may read and without the fields they may not see (a filter on one is
/// refused), so a script cannot hand a hidden value back to them.
/// </summary>
internal sealed class RecordScriptData(RecordsDbContext records, Actor actor) : IScriptData
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

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Find(string entity, string filterText, int max)
    {
        var definition = Entity(entity);
        var query = Readable(definition);
        if (filterText.Length > 0)
        {
            try
            {
                query = Platform.Records.Query.RecordFilter.Apply(query, records.Schema, definition, filterText, RecordStore.FieldsOf(definition, actor));
            }
            catch (ArgumentException e)
            {
                throw new ScriptFailureException(ScriptFailureKind.Error, $"find('{entity}', '{filterText}'): {e.Message}");
            }
        }

        var fields = RecordStore.FieldsOf(definition, actor);
        return query.OrderBy(r => EF.Property<Guid>(r, SystemFields.Id)).Take(max).ToList().Select(r => fields.Strip(RecordRows.Present(definition, r))).ToList();
    }

    private EntityDefinition Entity(string name) =>
        records.Schema.Find(name) ?? throw new ScriptFailureException(ScriptFailureKind.Error, $"There is no entity named '{name}'.");

    private IQueryable<Dictionary<string, object>> Readable(EntityDefinition entity) =>
        RecordStore.Covered(
            records.Set<Dictionary<string, object>>(entity.Name).AsNoTracking().Where(r => EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null),
            records.Schema, entity, actor, RecordAction.Read);
}
