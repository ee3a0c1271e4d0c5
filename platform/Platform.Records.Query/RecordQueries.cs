using Microsoft.OData.UriParser;
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

    /// <summary>A text-contains search over the entity's text-like fields, as an OData condition (null for an empty search).</summary>
    public static string? Search(Core.Metadata.EntityDefinition entity, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var quoted = text.Trim().ToLowerInvariant().Replace("'", "''", StringComparison.Ordinal);
        var fields = entity.LiveFields.Where(f => f.Kind?.Searched == true).Select(f => $"contains(tolower({f.Name}),'{quoted}')").ToList();
        return fields.Count == 0 ? null : string.Join(" or ", fields);
    }
}
