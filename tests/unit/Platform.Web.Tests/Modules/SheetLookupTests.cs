using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Ocr.Templates;
using Platform.OcrCapture.Records;
using Platform.OcrCapture.Templates;
using Platform.Records;
using Platform.Records.Ocr;

namespace Platform.Web.Tests.Modules;

/// <summary>
/// A sheet's cell can fill a lookup (a dealer found by the code written on the sheet, a product by the style of a line) and
/// a cell's allowed values can be an entity's records: how the template says so, what is refused when it says it wrongly,
/// and what a sheet becomes when the code names one record, none or several.
/// </summary>
public sealed class SheetLookupTests
{
    private const string Template = """
        {
          "name": "order_sheet", "page": { "width": 1000, "height": 1400, "dpi": 200 },
          "anchors": [ { "x": 20, "y": 20, "size": 40 }, { "x": 940, "y": 20, "size": 30 }, { "x": 20, "y": 1340, "size": 30 }, { "x": 940, "y": 1340, "size": 30 } ],
          "cells": [ { "field": "dealer_code", "x": 100, "y": 100, "width": 300, "height": 60, "choicesFrom": { "entity": "dealer", "field": "code" } } ],
          "rows": [ { "name": "lines", "y": 300, "pitch": 60, "count": 3, "cells": [
            { "field": "style_no", "x": 100, "y": 0, "width": 300, "height": 50 },
            { "field": "qty", "x": 500, "y": 0, "width": 100, "height": 50, "type": "digits" } ] } ]
        }
        """;

    private static readonly RecordsSchema Schema = new([
        new EntityDefinition
        {
            Name = "dealer", TitleField = "name", Label = LocalizedText.Of("经销商", "Dealer"),
            Fields = [Text("code", "编号", "Code"), Text("name", "名称", "Name"), new FieldDefinition { Name = "since", Type = FieldTypes.Date.Name }],
        },
        new EntityDefinition { Name = "product", Fields = [Text("style", "款号", "Style")] },
        new EntityDefinition
        {
            Name = "order", Label = LocalizedText.Of("订单", "Order"),
            Fields =
            [
                Text("dealer_code", "经销商编号", "Dealer code"),
                new FieldDefinition { Name = "dealer", Type = FieldTypes.Lookup.Name, Target = "dealer", Label = LocalizedText.Of("经销商", "Dealer") },
                new FieldDefinition { Name = "lines", Type = FieldTypes.Lines.Name, Target = "order_line" },
            ],
        },
        new EntityDefinition
        {
            Name = "order_line",
            Fields =
            [
                new FieldDefinition { Name = "product", Type = FieldTypes.Lookup.Name, Target = "product", Label = LocalizedText.Of("产品", "Product") },
                new FieldDefinition { Name = "quantity", Type = FieldTypes.WholeNumber.Name },
            ],
        },
    ]);

    [Fact]
    public void A_lookup_is_written_as_its_cell_and_the_field_it_is_found_by_and_reads_back_the_same()
    {
        var editor = Mapped();

        var json = editor.ToJson();
        var again = new TemplateEditor(json);

        Assert.Contains("\"by\": \"code\"", json, StringComparison.Ordinal);
        Assert.Equal(new FieldSource("dealer_code", null, "code"), again.Mapping.Fields["dealer"]);
        Assert.Equal(new FieldSource("dealer_code", null), again.Mapping.Fields["dealer_code"]);
        Assert.Equal(new FieldSource("style_no", null, "style"), again.Mapping.Lines!.Fields["product"]);
        Assert.Equal("dealer", again.Template.Cells[0].ChoicesFrom!.Entity);
        Assert.Empty(TemplateDesign.Problems(again.WithMapping(), Schema));
    }

    [Fact]
    public void A_lookup_without_the_field_to_find_by_or_found_by_what_the_entity_lacks_is_refused_naming_where()
    {
        var editor = Mapped();
        editor.Fill("dealer_code", "dealer");                 // no "by"
        editor.MapLineValue("style_no", "product", "colour"); // no such field
        editor.MapLineValue("qty", "quantity", "style");      // "by" on a number field

        var problems = TemplateDesign.Problems(editor.WithMapping(), Schema).Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("records.fields.dealer: a lookup is filled as", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("records.lines.fields.product.by: 'product' has no text field 'colour'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("records.lines.fields.quantity: \"by\" finds a record for a lookup field", StringComparison.Ordinal));
    }

    [Fact]
    public void Choices_from_an_entity_must_name_one_that_exists_and_a_text_field_of_it()
    {
        var missing = FormTemplate.Deserialize(Template.Replace("\"entity\": \"dealer\"", "\"entity\": \"supplier\"", StringComparison.Ordinal))!;
        var notText = FormTemplate.Deserialize(Template.Replace("\"field\": \"code\"", "\"field\": \"since\"", StringComparison.Ordinal))!;
        var onDigits = FormTemplate.Deserialize(Template.Replace("\"height\": 60, \"choicesFrom\"", "\"height\": 60, \"type\": \"digits\", \"choicesFrom\"", StringComparison.Ordinal))!;

        Assert.Contains("cells[0] 'dealer_code': choicesFrom: there is no entity 'supplier'.", TemplateDesign.Problems(missing, Schema).Select(p => p.ToString()));
        Assert.Contains("cells[0] 'dealer_code': choicesFrom: 'dealer' has no text field 'since'.", TemplateDesign.Problems(notText, Schema).Select(p => p.ToString()));
        Assert.Contains(onDigits.Problems(), p => p.Message == "choicesFrom applies to text cells.");
    }

    [Fact]
    public async Task A_code_naming_one_record_fills_the_lookup_with_its_id_and_one_naming_none_or_several_is_refused_on_its_cell()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            await LookupsAreResolved();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    private static async Task LookupsAreResolved()
    {
        var editor = Mapped();
        var (mapping, template) = (editor.Mapping, editor.WithMapping());
        var view = new RecordsSchemaView(Schema.Find("order")!, Schema.Find("order_line"));
        var dealer = Guid.NewGuid();
        var products = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var known = new (string Entity, string Value, Guid Id)[]
        {
            ("dealer", "D1234", dealer), ("product", "A1001-BK", products[0]), ("product", "B2002-WH", products[1]), ("product", "B2002-WH", products[2]),
        };
        Task<(ILookup<string, Guid>, LocalizedText)> Find(string entity, string by, IReadOnlyCollection<string> values) =>
            Task.FromResult((known.Where(k => k.Entity == entity && values.Contains(k.Value)).ToLookup(k => k.Value, k => k.Id), by == "code" ? LocalizedText.Of("编号", "Code") : LocalizedText.Of("款号", "Style")));

        var sheet = SheetRecord.Of(template, mapping, view, Cells(("dealer_code", "D1234"), ("lines[0].style_no", "A1001-BK"), ("lines[0].qty", "5")), "sheet 1", "p1", new Echo());
        await sheet.ResolveLookupsAsync(Find, new Echo());

        Assert.Empty(sheet.Problems);
        Assert.Equal(dealer, sheet.Values["dealer"]);
        Assert.Equal("D1234", sheet.Values["dealer_code"]);
        Assert.Equal(products[0], Assert.Single(sheet.Lines)["product"]);

        var wrong = SheetRecord.Of(template, mapping, view, Cells(("dealer_code", "D9999"), ("lines[0].style_no", "A1001-BK"), ("lines[0].qty", "5"),
            ("lines[2].style_no", "B2002-WH"), ("lines[2].qty", "7")), "sheet 2", "p2", new Echo());
        await wrong.ResolveLookupsAsync(Find, new Echo());

        Assert.Equal(
            [("dealer_code", "OcrCapture.Records.LookupNotFound(经销商|D9999|编号)"), ("lines[2].style_no", "OcrCapture.Records.LookupAmbiguous(产品|B2002-WH|款号)")],
            wrong.Problems.Select(p => (p.Path, p.Message)));

        // Kept for whoever looks later, in either language: the labels are those of that language.
        Assert.Equal("OcrCapture.Records.LookupNotFound(Dealer|D9999|Code)", wrong.Problems[0].Said!["en"]);
        Assert.Equal("OcrCapture.Records.LookupAmbiguous(Product|B2002-WH|Style)", wrong.Problems[1].Said!["en"]);
        Assert.Equal(wrong.Problems[0].Message, wrong.Problems[0].Said!["zh-CN"]);
        var kept = System.Text.Json.JsonSerializer.Serialize(wrong.Problems, System.Text.Json.JsonSerializerOptions.Web);
        var again = SheetProblem.Of(new ScannedPage { RecordProblems = kept });
        Assert.Equal("OcrCapture.Records.LookupNotFound(Dealer|D9999|Code)", Platform.Tests.UiCulture.In("en", () => again[0].Text));
        Assert.Equal("OcrCapture.Records.LookupNotFound(经销商|D9999|编号)", Platform.Tests.UiCulture.In("zh-CN", () => again[0].Text));
        Assert.Equal(products[0], wrong.Lines[0]["product"]);
    }

    private static TemplateEditor Mapped()
    {
        var editor = new TemplateEditor(Template);
        editor.MapRecords("order", "lines", "lines");
        editor.MapCell("dealer_code", "dealer_code");
        editor.Fill("dealer_code", "dealer", by: "code");
        editor.MapLineValue("style_no", "product", "style");
        editor.MapLineValue("qty", "quantity");
        return editor;
    }

    private static FieldDefinition Text(string name, string zh, string en) => new() { Name = name, Type = FieldTypes.Text.Name, Label = LocalizedText.Of(zh, en) };

    private static List<ReadCell> Cells(params (string Path, string Value)[] cells) =>
    [
        .. cells.Select((c, i) => new ReadCell
        {
            Id = i, Path = c.Path, Field = c.Path[(c.Path.LastIndexOf('.') + 1)..], Kind = c.Path.EndsWith(".qty", StringComparison.Ordinal) ? "digits" : "text", Value = c.Value, Confidence = 1,
        }),
    ];

    /// <summary>Messages as their key and arguments, in zh-CN labels, so a test sees what was said without a catalogue.</summary>
    private sealed class Echo : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, $"{name}({string.Join('|', arguments)})");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
