using System.Text.RegularExpressions;
using Platform.Core.Metadata;
using Platform.Ocr.Templates;
using Platform.OcrCapture.Records;
using Platform.OcrCapture.Templates;
using Platform.Records;
using Platform.Tests;
using Platform.Web.Localization;

namespace Platform.Web.Tests.Modules;

/// <summary>
/// What keeps a template from use is listed in the designer in the designer's language: every mistake the format's check and
/// the record mapping's check can find has a text in Chinese and in English, filled with the same values as the engine's words.
/// </summary>
public sealed partial class TemplateProblemTextTests
{
    private static readonly LocalizationCatalog Catalog = new([typeof(OcrCapture.Startup).Assembly]);
    private static readonly CatalogStringLocalizer Text = new(Catalog);

    private const string Broken = """
        {
          "name": "Order Form", "page": { "width": 1000, "height": 1400, "dpi": 200 },
          "anchors": [ { "x": 20, "y": 20, "size": 40 }, { "x": 940, "y": 20, "size": 30 }, { "x": 20, "y": 1390, "size": 30 } ],
          "cells": [
            { "field": "code", "x": 900, "y": 100, "width": 200, "height": 50, "pattern": "([A-Z" },
            { "field": "code", "x": 100, "y": 200, "width": 100, "height": 50, "language": "fra" },
            { "field": "total", "x": 100, "y": 300, "width": 100, "height": 50, "type": "digits", "min": 10, "max": 1, "accuracy": 1.5, "sumOf": [ "qty" ] },
            { "field": "paid", "x": 100, "y": 400, "width": 100, "height": 50, "type": "check", "accuracy": 0.99, "preprinted": true, "threshold": 0.95, "oneOf": "pay" },
            { "field": "region", "x": 100, "y": 500, "width": 100, "height": 50, "type": "digits", "choicesFrom": { "entity": "dealer", "field": "code" } },
            { "field": "city", "x": 100, "y": 600, "width": 100, "height": 50, "choicesFrom": { "entity": "Dealer", "field": "code" } },
            { "field": "branch", "x": 300, "y": 600, "width": 100, "height": 50, "choicesFrom": { "entity": "dealer", "field": "since" } },
            { "field": "agent", "x": 500, "y": 600, "width": 100, "height": 50, "choicesFrom": { "entity": "supplier", "field": "code" } }
          ],
          "rows": [
            { "name": "lines", "y": 700, "pitch": 60, "count": 3, "grid": { "field": "style", "quantity": "style", "columns": { "style": "S" } }, "cells": [
              { "field": "style", "x": 100, "y": 0, "width": 100, "height": 70 },
              { "field": "style", "x": 300, "y": 0, "width": 100, "height": 50 } ] },
            { "name": "Extra", "y": 900, "pitch": 4, "count": 0, "cells": [] }
          ],
          "records": {
            "entity": "order",
            "fields": { "dealer_code": "nocell", "nofield": "code", "lines": "code", "dealer": { "cell": "code", "by": "since" }, "total": { "ticked": { } } },
            "sheetField": "total",
            "lines": { "field": "lines", "rows": "nogroup", "fields": { } },
            "duplicateKey": [ "zzz" ]
          }
        }
        """;

    private static readonly RecordsSchema Schema = new([
        new EntityDefinition
        {
            Name = "dealer",
            Fields = [new FieldDefinition { Name = "code", Type = FieldTypes.Text.Name }, new FieldDefinition { Name = "since", Type = FieldTypes.Date.Name }],
        },
        new EntityDefinition
        {
            Name = "order",
            Fields =
            [
                new FieldDefinition { Name = "dealer_code", Type = FieldTypes.Text.Name },
                new FieldDefinition { Name = "dealer", Type = FieldTypes.Lookup.Name, Target = "dealer" },
                new FieldDefinition { Name = "total", Type = FieldTypes.WholeNumber.Name },
                new FieldDefinition { Name = "lines", Type = FieldTypes.Lines.Name, Target = "order_line" },
            ],
        },
        new EntityDefinition { Name = "order_line", Fields = [new FieldDefinition { Name = "quantity", Type = FieldTypes.WholeNumber.Name }] },
    ]);

    [Fact]
    public void Each_mistake_is_said_in_english_as_the_engine_says_it_and_in_chinese_with_the_same_values()
    {
        var template = FormTemplate.Deserialize(Broken)!;
        var problems = template.Problems().Concat(SheetMappingCheck.Problems(template, Schema)).ToList();

        string[] expected =
        [
            "name", "anchorCount", "anchorPlace", "cellPlace", "pattern", "fieldName", "language", "range", "accuracy", "sumOfMissing", "accuracyKind",
            "preprinted", "threshold", "oneOf", "choicesFromKind", "choicesFromNames", "gridColumn", "gridColumns", "gridField", "gridSameField",
            "outsideRow", "rowFieldTwice", "groupName", "rows", "choicesEntity", "choicesField", "noHeaderCell", "noField", "notFillable", "lookupBy",
            "tickedEmpty", "tickedFieldType", "sheetField", "noRowGroup", "duplicateKey",
        ];
        Assert.Empty(expected.Except(problems.Select(p => p.Code)));
        foreach (var problem in problems)
        {
            Assert.Equal(problem.ToString(), UiCulture.In("en", () => TemplateProblemText.Of(Text, problem)));
            var chinese = UiCulture.In("zh-CN", () => TemplateProblemText.Of(Text, problem));
            Assert.StartsWith($"{problem.Where}: ", chinese, StringComparison.Ordinal);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese[problem.Where.Length..]);
            Assert.DoesNotMatch(@"\{\d\}", chinese);
            foreach (var value in problem.Arguments.OfType<string>())
            {
                Assert.Contains(value, chinese, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_code_the_checks_can_give_has_a_text_in_both_languages()
    {
        var sources = new[] { "platform/Platform.Ocr/Templates/TemplateValidator.cs", "modules/Platform.OcrCapture/Records/SheetMappingCheck.cs" };
        var codes = sources.SelectMany(s => Code().Matches(File.ReadAllText(Path.Combine(RepositoryFolder.Root, s))).Select(m => m.Groups["code"].Value)).Distinct().ToList();

        Assert.True(codes.Count >= 45, $"only {codes.Count} codes found: {string.Join(", ", codes)}");
        Assert.All(codes, code =>
        {
            Assert.True(Catalog.TryGet("en", $"OcrCapture.TemplateProblem.{code}", out _), code);
            Assert.True(Catalog.TryGet("zh-CN", $"OcrCapture.TemplateProblem.{code}", out _), code);
        });
    }

    // new(where, "code", …), new("records.entity", "code", …), new($"{path}.ticked", "code", …)
    [GeneratedRegex(@"new\((?:where|path|\$?""[^""]*""), ""(?<code>[a-z][A-Za-z]+)"",")]
    private static partial Regex Code();
}
