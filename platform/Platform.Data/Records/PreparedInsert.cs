using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Data.Records;

/// <summary>
/// Inserts rows of one EF Core entity type with prepared INSERTs of a few rows each (up to 64 values), on the
/// context's connection and transaction (see <see cref="PreparedCommands"/>). The statement comes from the model (table, columns,
/// the provider's type mappings and value converters), so values are stored exactly as EF Core
/// would store them; what is skipped is SaveChanges' change tracking — most of the cost on the hot
/// paths that use it (new records, audit entries, workflow steps). Columns the database generates are left out.
/// Plans are cached per entity type, so once per model.
/// </summary>
public static class PreparedInsert
{
    /// <summary>
    /// Parameters per statement at most. Every provider allows far more, but SQLite finds each parameter by name
    /// with a linear search on every run: a wide statement's binding grows with the square of its parameters.
    /// </summary>
    private const int MostParameters = 64;

    /// <summary>Rows one statement inserts at most: a few rows (a step's history lines) go in one round trip.</summary>
    private const int MostRows = 32;

    private sealed class Plan(string head, IProperty[] properties, RelationalTypeMapping[] mappings, int rowsPerStatement, string[] parameterNames)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _byRows = new();

        public IProperty[] Properties { get; } = properties;

        public RelationalTypeMapping[] Mappings { get; } = mappings;

        /// <summary>As they appear in the statement (with the provider's prefix, so SQLite binds them without searching for one).</summary>
        public string[] ParameterNames { get; } = parameterNames;

        public int RowsPerStatement { get; } = rowsPerStatement;

        /// <summary>INSERT … VALUES (@p0, @p1…), (@p{n}…) for <paramref name="rows"/> rows.</summary>
        public string Sql(int rows) => _byRows.GetOrAdd(rows, count => head + string.Join(", ", Enumerable.Range(0, count)
            .Select(row => "(" + string.Join(", ", Enumerable.Range(0, Properties.Length).Select(i => ParameterNames[row * Properties.Length + i])) + ")")));
    }

    private static readonly ConditionalWeakTable<IEntityType, Plan> Plans = new();

    public static async Task RunAsync<T>(DbContext context, IEntityType type, IReadOnlyList<T> rows, Func<T, IProperty, object?> value, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var plan = Plans.GetValue(type, t => PlanFor(context, t));
        var columns = plan.Properties.Length;
        for (var first = 0; first < rows.Count; first += plan.RowsPerStatement)
        {
            var count = Math.Min(plan.RowsPerStatement, rows.Count - first);
            var (command, owned) = PreparedCommands.For(context, plan.Sql(count), created =>
            {
                for (var p = 0; p < count * columns; p++)
                {
                    created.Parameters.Add(plan.Mappings[p % columns].CreateParameter(created, plan.ParameterNames[p], null, nullable: true));
                }
            });
            try
            {
                for (var row = 0; row < count; row++)
                {
                    for (var i = 0; i < columns; i++)
                    {
                        command.Parameters[row * columns + i].Value = ProviderValue(rows[first + row], i) ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                if (owned)
                {
                    await command.DisposeAsync();
                }
            }
        }

        object? ProviderValue(T row, int i) =>
            value(row, plan.Properties[i]) is { } given && plan.Mappings[i].Converter is { } converter ? converter.ConvertToProvider(given) : value(row, plan.Properties[i]);
    }

    private static Plan PlanFor(DbContext context, IEntityType type)
    {
        var sql = new PreparedSql(context, type);
        var names = context.GetService<ISqlGenerationHelper>();
        // Left out: what the database numbers itself. A Guid key counts as generated in the model, but the caller has set it.
        var properties = type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || p.ClrType == typeof(Guid)).ToArray();
        var head = $"INSERT INTO {sql.Table} ({string.Join(", ", properties.Select(sql.Column))}) VALUES ";
        var rowsPerStatement = Math.Max(1, Math.Min(MostRows, MostParameters / Math.Max(1, properties.Length)));
        var parameters = Enumerable.Range(0, rowsPerStatement * properties.Length).Select(i => names.GenerateParameterName($"p{i}")).ToArray();
        return new Plan(head, properties, properties.Select(p => p.GetRelationalTypeMapping()).ToArray(), rowsPerStatement, parameters);
    }
}
