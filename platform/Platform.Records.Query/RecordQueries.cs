using Microsoft.OData.UriParser;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.Records.Query;

/// <summary>OData queries built in code (exports, list pages) rather than read from a request's address.</summary>
public static class RecordQueries
{
    /// <summary>A parser for <paramref name="options"/> ($filter, $orderby, $skip, $top, $count…) on the reader's entity set.</summary>
    public static ODataUriParser Parser(IRecordReader reader, string serviceRoot, IEnumerable<KeyValuePair<string, string>> options) =>
        new(EdmModelFactory.For(reader.Schema), new Uri(serviceRoot), new Uri($"{serviceRoot}{reader.Entity.Name}?{string.Join("&", options.Select(o => $"{o.Key}={Uri.EscapeDataString(o.Value)}"))}"))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
        };

    /// <summary>
    /// A text-contains search over the entity's text-like fields, as an OData condition (null for an
    /// empty search). <paramref name="matches"/> widens it to records whose lookup, user or department
    /// fields point at one of the given keys — the records, people and departments whose own titles
    /// matched the text (a customer "深圳…" finds its orders). Fields the reader may not see (<paramref name="fields"/>) are not
    /// searched: a match would tell their value.
    /// </summary>
    public static string? Search(EntityDefinition entity, string? text, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? matches = null, Core.Records.FieldAccess? fields = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var quoted = Quoted(text.Trim().ToLowerInvariant());
        var conditions = entity.LiveFields.Where(f => f.Kind?.Searched == true && fields?.MayRead(f.Name) != false).Select(f => $"contains(tolower({f.Name}),{quoted})").ToList();
        foreach (var (name, keys) in matches ?? new Dictionary<string, IReadOnlyCollection<string>>())
        {
            if (entity.LiveField(name) is not { } field || keys.Count == 0 || fields?.MayRead(field.Name) == false)
            {
                continue;
            }

            // Record keys are GUID literals; people and departments are keyed by text.
            var literals = field.Kind == FieldTypes.Lookup
                ? keys.Where(k => Guid.TryParse(k, out _)).Select(k => Guid.Parse(k).ToString())
                : keys.Select(Quoted);
            conditions.Add($"{field.Name} in ({string.Join(",", literals)})");
        }

        return conditions.Count == 0 ? null : string.Join(" or ", conditions);
    }

    private static string Quoted(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
