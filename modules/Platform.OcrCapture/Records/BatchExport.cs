using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Records;
using Platform.Records.Ocr;
using Platform.Records.Query.Spreadsheets;

namespace Platform.OcrCapture.Records;

/// <summary>A batch's confirmed order lines totalled per style and colour (the row fields) and size.</summary>
public sealed record BatchSummary(IReadOnlyList<string> GroupHeadings, IReadOnlyList<string> Sizes, IReadOnlyList<SummaryRow> Rows, IReadOnlyList<decimal> SizeTotals, decimal Total, int Sheets, int Waiting);

public sealed record SummaryRow(IReadOnlyList<string> Group, IReadOnlyList<decimal> Quantities, decimal Total);

/// <summary>
/// What a batch's confirmed sheets hold, for people and other systems: one row per order line with the sheet's header
/// fields repeated (the layout an ERP imports), and the totals per style, colour and size a trade fair wants to see.
/// Only confirmed sheets count (none of their flags left unconfirmed), a sheet scanned twice once; the values are those the records get.
/// </summary>
public sealed class BatchExport(IScanBatchStore store, IRecordStore records, SheetRecordService sheets, IStringLocalizer text)
{
    /// <summary>Writes the lines; answers how many sheets went in and how many still wait for proofreading.</summary>
    public async Task<(int Sheets, int Waiting)> WriteLinesAsync(Guid batchId, IExportWriter writer, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (_, mapping, view, confirmed, waiting) = await ConfirmedAsync(batchId, cancellationToken);
        var headerFields = mapping.Fields.Keys.Select(n => view.Entity.Fields.First(f => f.Name == n)).ToList();
        var lineFields = mapping.Lines?.Fields.Keys.Select(view.LineField).ToList() ?? [];
        await writer.WriteHeadingsAsync([text["OcrCapture.Export.Sheet"], text["OcrCapture.Export.Record"], .. headerFields.Select(f => Label(f, culture)), .. lineFields.Select(f => Label(f, culture))], cancellationToken);
        foreach (var (page, sheet) in confirmed)
        {
            var title = page.RecordId is { } id && view.Entity.TitleField is { } titleField
                ? (await records.GetAsync(mapping.Entity, id, cancellationToken: cancellationToken))?.GetValueOrDefault(titleField) : null;
            List<object?> header = [page.Ordinal, title, .. headerFields.Select(f => Typed(f, sheet.Values.GetValueOrDefault(f.Name), culture))];
            if (lineFields.Count == 0 || sheet.Lines.Count == 0)
            {
                await writer.WriteRowAsync([.. header, .. lineFields.Select(_ => (object?)null)], cancellationToken);
                continue;
            }

            foreach (var line in sheet.Lines)
            {
                await writer.WriteRowAsync([.. header, .. lineFields.Select(f => Typed(f, line.GetValueOrDefault(f.Name), culture))], cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return (confirmed.Count, waiting);
    }

    /// <summary>Quantities of the confirmed lines per group (the line fields that are neither size nor quantity) and size.</summary>
    public async Task<BatchSummary> SummaryAsync(Guid batchId, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (batch, mapping, view, confirmed, waiting) = await ConfirmedAsync(batchId, cancellationToken);
        if (mapping.Lines is not { } lines)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NoLines", batch.TemplateName);
        }

        var template = Platform.Ocr.Templates.FormTemplate.Parse(batch.Template, batch.TemplateName);
        var grid = template.Rows.First(r => r.Name == lines.Rows).Grid;
        var sizeField = grid is null ? null : lines.Fields.FirstOrDefault(f => f.Value.Cell == grid.Field).Key;
        var quantityField = grid is not null ? lines.Fields.FirstOrDefault(f => f.Value.Cell == grid.Quantity).Key
            : lines.Fields.Keys.FirstOrDefault(n => view.LineField(n).Type is "integer" or "decimal");
        if (quantityField is null)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NoLines", batch.TemplateName);
        }

        var groupFields = lines.Fields.Keys.Where(n => n != sizeField && n != quantityField).ToList();
        var sizes = grid is not null && sizeField is not null ? grid.Columns.Values.Distinct().ToList() : [text["OcrCapture.Summary.Quantity"].Value];
        var totals = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in confirmed.SelectMany(c => c.Sheet.Lines))
        {
            var group = groupFields.Select(f => PlainText.Of(Typed(view.LineField(f), line.GetValueOrDefault(f), culture))).ToList();
            var key = string.Join("\u001f", group);
            groups.TryAdd(key, group);
            var size = sizeField is null ? 0 : sizes.IndexOf(PlainText.Of(line.GetValueOrDefault(sizeField)));
            var quantity = decimal.TryParse(PlainText.Of(line.GetValueOrDefault(quantityField)), NumberStyles.Number, CultureInfo.InvariantCulture, out var q) ? q : 0;
            if (size >= 0)
            {
                (totals.TryGetValue(key, out var row) ? row : totals[key] = new decimal[sizes.Count])[size] += quantity;
            }
        }

        var rows = groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new SummaryRow(g.Value, totals.GetValueOrDefault(g.Key) ?? new decimal[sizes.Count], 0))
            .Select(r => r with { Total = r.Quantities.Sum() }).ToList();
        var sizeTotals = sizes.Select((_, i) => rows.Sum(r => r.Quantities[i])).ToList();
        return new BatchSummary([.. groupFields.Select(n => Label(view.LineField(n), culture))], sizes, rows, sizeTotals, sizeTotals.Sum(), confirmed.Count, waiting);
    }

    public async Task WriteSummaryAsync(BatchSummary summary, IExportWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteHeadingsAsync([.. summary.GroupHeadings, .. summary.Sizes, text["OcrCapture.Summary.Total"]], cancellationToken);
        foreach (var row in summary.Rows)
        {
            await writer.WriteRowAsync([.. row.Group, .. row.Quantities.Cast<object?>(), row.Total], cancellationToken);
        }

        await writer.WriteRowAsync([text["OcrCapture.Summary.Total"].Value, .. summary.GroupHeadings.Skip(1).Select(_ => (object?)null), .. summary.SizeTotals.Cast<object?>(), summary.Total], cancellationToken);
        await writer.CompleteAsync(cancellationToken);
    }

    private async Task<(ScanBatch Batch, SheetMapping Mapping, RecordsSchemaView View, List<(ScannedPage Page, SheetRecord Sheet)> Confirmed, int Waiting)> ConfirmedAsync(
        Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await store.FindBatchAsync(batchId, cancellationToken) ?? throw new CaptureRefusedException("OcrCapture.Error.NoBatch");
        var (template, mapping, view) = await sheets.MappingAsync(batch, cancellationToken);
        var (confirmed, waiting, keys) = (new List<(ScannedPage, SheetRecord)>(), 0, new HashSet<string>(StringComparer.Ordinal));
        foreach (var page in (await store.PagesAsync(batchId, cancellationToken)).Where(p => p.State == ScannedPageStates.Read))
        {
            var cells = await store.CellsOfPageAsync(page.Id, cancellationToken);
            if (!SheetRecordService.IsConfirmed(cells))
            {
                waiting++;
                continue;
            }

            // A sheet scanned twice counts once: the first of the batch, or none when another page already became its record.
            var sheet = SheetRecord.Of(template, mapping, view, cells, SheetRecordService.SheetName(batch, page), page.Id.ToString(), text);
            if (keys.Add(sheet.Key) && (await store.FindRecordedAsync(sheet.Key, cancellationToken) is not { } recorded || recorded.Id == page.Id))
            {
                confirmed.Add((page, sheet));
            }
        }

        return (batch, mapping, view, confirmed, waiting);
    }

    /// <summary>A value as the spreadsheet should hold it: numbers as numbers, dates as dates, choices by their label; what does not read stays text.</summary>
    private static object? Typed(FieldDefinition field, object? value, CultureInfo culture)
    {
        if (field.Type == FieldTypes.Choice.Name && value is string chosen)
        {
            return field.Choices?.FirstOrDefault(c => c.Value == chosen)?.Label.For(culture.Name) is { Length: > 0 } label ? label : chosen;
        }

        if (value is not string s || FieldTypes.Find(field.Type) is not { } type)
        {
            return value;
        }

        var typed = type.ReadInput(field, s, out var problem);
        return problem is null ? typed : s;
    }

    private static string Label(FieldDefinition field, CultureInfo culture) => field.Label.For(culture.Name) is { Length: > 0 } label ? label : field.Name;
}
