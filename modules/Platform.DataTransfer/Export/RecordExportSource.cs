using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.OData;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Exporting;
using Platform.Records.Query;
using Platform.Records.Query.Spreadsheets;

namespace Platform.DataTransfer.Export;

/// <summary>
/// A list exported in the background: the entity's records its filter, order and columns select (as <c>$filter</c>,
/// <c>$orderby</c>, <c>$select</c>, <c>$search</c>), written as the person who asked may read them.
/// </summary>
public sealed class RecordExportSource(IRecordStore records, IStringLocalizer text) : IExportSource
{
    public const string SourceName = ExportSources.Records;

    /// <summary>Where the query's OData address starts: nothing in a list's options refers to it, so no request's is needed.</summary>
    private const string ServiceRoot = "http://platform/odata/";

    public string Name => SourceName;

    public async Task<ExportPlan> PlanAsync(ExportRequest request, Actor actor, CultureInfo culture, CancellationToken cancellationToken)
    {
        await using var reader = await OpenAsync(request.Subject, actor, cancellationToken);
        var count = await Refused(() => new RecordExport(reader, ServiceRoot, request.Options, culture).CountAsync(cancellationToken));
        return count > RecordExport.MaxRows
            ? throw new ExportRefusedException(text["DataTransfer.Export.Error.TooMany", count, RecordExport.MaxRows])
            : new ExportPlan(TitleOf(reader.Entity, culture), count);
    }

    public async Task<long> WriteAsync(ExportRequest request, Actor actor, CultureInfo culture, Stream output, Func<long, Task> progress, CancellationToken cancellationToken)
    {
        await using var reader = await OpenAsync(request.Subject, actor, cancellationToken);
        var export = await Refused(() => Task.FromResult(new RecordExport(reader, ServiceRoot, request.Options, culture)));
        await using IExportWriter writer = request.Format == "csv" ? new CsvExportWriter(output) : new XlsxExportWriter(output, TitleOf(reader.Entity, culture));
        return await Refused(() => export.WriteAsync(writer, cancellationToken, progress));
    }

    /// <summary>What a list's export is called: the entity's plural name in the reader's language.</summary>
    public static string TitleOf(EntityDefinition entity, CultureInfo culture) =>
        entity.PluralLabel.IsBlank ? entity.Name : entity.PluralLabel.For(culture.Name);

    private async Task<IRecordReader> OpenAsync(string entity, Actor actor, CancellationToken cancellationToken)
    {
        var reader = await records.OpenReaderAsync(entity, actor, cancellationToken)
            ?? throw new ExportRefusedException(text["DataTransfer.Import.Error.NoSuchEntity", entity], notFound: true);
        if (reader.Forbidden)
        {
            await reader.DisposeAsync();
            throw new ExportRefusedException(text["DataTransfer.Export.Forbidden"], forbidden: true);
        }

        return reader;
    }

    /// <summary>A filter or column the list's query cannot read is the request's mistake, said as such.</summary>
    private static async Task<T> Refused<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (ODataQueryException e)
        {
            throw new ExportRefusedException(e.Message);
        }
        catch (ODataException e)
        {
            throw new ExportRefusedException(e.Message);
        }
    }
}
