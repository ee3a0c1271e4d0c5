using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.People;
using Platform.Records.Query;

namespace Platform.RecordPages.Forms;

/// <summary>
/// The records of other entities that point at one record through a lookup — a customer's contacts, opportunities, quotes,
/// orders, receipts — as its form shows them beside its fields (the 360° view): for each entity and lookup the person may
/// read, how many there are and the newest few, with a link to add one already pointing at the record.
/// </summary>
public sealed class RelatedRecords(IServiceScopeFactory scopes)
{
    /// <summary>Rows shown per group; the count says how many there are.</summary>
    public const int Shown = 10;

    /// <summary>Columns shown besides the title.</summary>
    private const int MoreColumns = 3;

    public async Task<IReadOnlyList<RelatedGroup>> LoadAsync(EntityDefinition entity, Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IRecordStore>();
        var schema = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var groups = new List<RelatedGroup>();
        foreach (var referrer in schema.Entities.Where(e => schema.ParentOf(e.Name) is null))
        {
            var lookups = referrer.LiveFields.Where(f => f.Kind == FieldTypes.Lookup && string.Equals(f.Target, entity.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (lookups.Count == 0)
            {
                continue;
            }

            await using var reader = await store.OpenReaderAsync(referrer.Name, actor, cancellationToken);
            if (reader is null || reader.Forbidden)
            {
                continue;
            }

            foreach (var lookup in lookups.Where(l => reader.Fields.MayRead(l.Name)))
            {
                var query = new RecordQuery(reader, RecordQueries.Parser(reader, "http://related/odata/",
                    [new("$filter", $"{lookup.Name} eq {id}"), new("$orderby", $"{SystemFields.CreatedAt} desc"), new("$top", Shown.ToString(CultureInfo.InvariantCulture)), new("$count", "true")]));
                var page = await query.RunAsync(cancellationToken);
                if (lookup.Name == DocumentStatus.AmendedFrom && page.Count is null or 0)
                {
                    continue; // a document's amendments are shown once there are some
                }

                var naming = referrer.NamingField();
                var columns = referrer.LiveFields
                    .Where(f => f != lookup && f != naming && reader.Fields.MayRead(f.Name) && RecordColumn.Exportable(f) && f.Kind != FieldTypes.LongText)
                    .Take(MoreColumns).ToList();
                var fields = naming is null ? columns : [naming, .. columns];
                var shown = await RecordText.ShowAsync(reader, page.Rows, fields, scope.ServiceProvider.GetRequiredService<IPeopleDirectory>(), culture, cancellationToken);
                var label = (referrer.PluralLabel.IsBlank ? referrer.Label : referrer.PluralLabel).For(culture.Name);
                groups.Add(new RelatedGroup(referrer.Name, lookup.Name, lookups.Count > 1 || referrer.Name == entity.Name ? $"{label}（{lookup.Label.For(culture.Name)}）" : label, (int)(page.Count ?? 0),
                    naming?.Name, [.. fields.Select(f => (f.Name, f.Label.IsBlank ? f.Name : f.Label.For(culture.Name)))],
                    [.. page.Rows.Select((row, i) => new RelatedRow((Guid)row[SystemFields.Id]!, shown[i]))],
                    reader.ScopeFor(RecordAction.Create) != RecordScope.None && reader.Fields.MayChange(lookup.Name)));
            }
        }

        return groups;
    }
}

/// <summary>The records of one entity pointing at the record through one lookup: how many, the columns, the newest rows, whether the person may add one.</summary>
public sealed record RelatedGroup(string Entity, string Lookup, string Label, int Count, string? TitleField, IReadOnlyList<(string Name, string Label)> Columns,
    IReadOnlyList<RelatedRow> Rows, bool MayCreate);

public sealed record RelatedRow(Guid Id, IReadOnlyDictionary<string, string> Shown);
