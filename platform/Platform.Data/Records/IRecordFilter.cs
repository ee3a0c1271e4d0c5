namespace Platform.Data.Records;

/// <summary>
/// Narrows a query of an entity's records by a filter written the way the OData API takes
/// <c>$filter</c> (the implementation lives with the OData API). Used by <c>find()</c> in rules.
/// </summary>
public interface IRecordFilter
{
    /// <exception cref="ArgumentException">The filter does not parse or names unknown fields; the message says why.</exception>
    IQueryable<Dictionary<string, object>> Apply(IQueryable<Dictionary<string, object>> query, RecordsSchema schema, Core.Metadata.EntityDefinition entity, string filter);
}
