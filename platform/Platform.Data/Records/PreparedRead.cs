using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// Reads the one row of an EF Core entity type whose named columns hold the values given, with one
/// SELECT of all its columns on the context's connection and transaction (kept like the other prepared
/// statements, see <see cref="PreparedCommands"/>), into a new untracked object — for reads on a hot path
/// (a workflow step reads its instance) where LINQ translation and a fresh statement per query would cost more
/// than the reading. Null when there is no such row. Values are read as the model stores them (type mappings, converters).
/// </summary>
public static class PreparedRead
{
    private sealed record Column(IProperty Property, Type StoredType, MethodInfo Read);

    private sealed record Plan(string Sql, IProperty[] Match, Column[] Columns);

    private static readonly ConcurrentDictionary<(IEntityType, string), Plan> Plans = new();

    private static readonly MethodInfo ReadValue = typeof(PreparedRead).GetMethod(nameof(Value), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<T?> RowAsync<T>(DbContext context, IReadOnlyList<string> match, IReadOnlyList<object?> matchValues, CancellationToken cancellationToken)
        where T : class, new()
    {
        var type = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var plan = Plans.GetOrAdd((type, string.Join(',', match)), _ => PlanFor(context, type, match));
        return await PreparedCommands.ReadAsync(context, plan.Sql, plan.Match, matchValues, reader =>
        {
            var row = new T();
            for (var i = 0; i < plan.Columns.Length; i++)
            {
                var column = plan.Columns[i];
                var stored = reader.IsDBNull(i) ? null : column.Read.Invoke(null, [reader, i]);
                var value = stored is not null && column.Property.GetTypeMapping().Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
                column.Property.PropertyInfo!.SetValue(row, value);
            }

            return row;
        }, cancellationToken);
    }

    private static object? Value<TStored>(DbDataReader reader, int ordinal) => reader.GetFieldValue<TStored>(ordinal);

    private static Plan PlanFor(DbContext context, IEntityType type, IReadOnlyList<string> match)
    {
        var sql = new PreparedSql(context, type);
        var properties = sql.Properties(match);
        var columns = type.GetProperties().Where(p => p.PropertyInfo is not null).Select(p =>
        {
            var mapping = p.GetRelationalTypeMapping();
            var stored = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? p.ClrType) ?? mapping.Converter?.ProviderClrType ?? p.ClrType;
            return new Column(p, stored, ReadValue.MakeGenericMethod(stored));
        }).ToArray();
        var text = $"SELECT {string.Join(", ", columns.Select(c => sql.Column(c.Property)))} FROM {sql.Table} WHERE {sql.Assignments(properties, 0, " AND ")}";
        return new Plan(text, properties, columns);
    }
}
