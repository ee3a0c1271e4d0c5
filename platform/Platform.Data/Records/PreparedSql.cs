using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Data.Records;

/// <summary>
/// The pieces of a prepared statement about one entity type's table, written the provider's way:
/// the table's name, its columns by property, and "column = @pN" lists for SET and WHERE.
/// </summary>
internal sealed class PreparedSql(DbContext context, IEntityType type)
{
    private readonly ISqlGenerationHelper _sql = context.GetService<ISqlGenerationHelper>();
    private readonly StoreObjectIdentifier _table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());

    public string Table => _sql.DelimitIdentifier(_table.Name, _table.Schema);

    public IProperty[] Properties(IReadOnlyList<string> names) =>
        [.. names.Select(name => type.FindProperty(name) ?? throw new InvalidOperationException($"{type.DisplayName()} has no property {name}."))];

    public string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName(_table)!);

    /// <summary>"a = @p{first}", "b = @p{first+1}"… joined by <paramref name="separator"/>.</summary>
    public string Assignments(IReadOnlyList<IProperty> properties, int first, string separator) =>
        string.Join(separator, properties.Select((p, i) => $"{Column(p)} = {_sql.GenerateParameterName($"p{first + i}")}"));
}
