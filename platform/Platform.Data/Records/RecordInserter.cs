namespace Platform.Data.Records;

/// <summary>Inserts new records and lines (<see cref="RecordsDbContext.NewRows"/>) with one prepared statement per table, parents first.</summary>
internal static class RecordInserter
{
    public static async Task InsertNewAsync(RecordsDbContext records, CancellationToken cancellationToken)
    {
        foreach (var group in records.NewRows.GroupBy(n => n.Entity.Name, StringComparer.Ordinal))
        {
            await PreparedInsert.RunAsync(records, records.Model.FindEntityType(group.Key)!, group.Select(n => n.Row).ToList(),
                (row, property) => row.GetValueOrDefault(property.Name), cancellationToken);
        }

        records.NewRows.Clear();
    }
}
