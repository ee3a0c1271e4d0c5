using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>
/// A template designer at work in the browser (zh-CN): the trade-fair package's order sheet drawn again on its blank form
/// alone — the marks clicked, each printed box double-clicked into a cell and given what the package's template says of it
/// (kind, language, characters, pattern, choices, range, sum, one-of group, labels), the first line made rows repeated down
/// the form with a size grid, every cell mapped to the order's fields — so that a test can compare what was designed with
/// the package's own and read batches with it.
/// </summary>
internal sealed class SampleTemplateDesigner(IPage page)
{
    public static string Package => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "trade-fair-orders");

    public static string BlankForm => Path.Combine(Package, "ocr", "apparel_order.blank.png");

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The package's template, as the designer is asked to draw it again.</summary>
    public static readonly SampleTemplate Sample = JsonSerializer.Deserialize<SampleTemplate>(File.ReadAllText(Path.Combine(Package, "ocr", "apparel_order.template.json")), Web)!;

    /// <summary>On the template list: a new template from the blank form; answers when the designer is ready.</summary>
    public async Task CreateAsync(string name, string labelZh, string labelEn)
    {
        await PageDriver.TypeAsync(page, "template-name", name);
        await PageDriver.TypeAsync(page, "template-label-zh", labelZh);
        await PageDriver.TypeAsync(page, "template-label-en", labelEn);
        await PageDriver.ChooseFilesAsync(page, "template-blank", BlankForm);
        await page.GetByTestId("template-create").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
        // Zoomed out one step; the page's points are mapped to the screen only once the page has its new size.
        var zoom = await page.Locator(".td-zoom").InnerTextAsync();
        await page.Locator("button[title='缩小']").ClickAsync();
        await Assertions.Expect(page.Locator(".td-zoom")).Not.ToHaveTextAsync(zoom);
    }

    /// <summary>The four registration marks: one click on each takes the square exactly.</summary>
    public async Task MarksAsync()
    {
        await ChooseToolAsync(page, "mark");
        foreach (var (anchor, i) in Sample.Anchors.Select((a, i) => (a, i)))
        {
            await ClickAsync(anchor.X + (anchor.Size / 2), anchor.Y + (anchor.Size / 2));
            await Assertions.Expect(page.Locator(".td-shape.td-mark")).ToHaveCountAsync(i + 1);
        }

        await Assertions.Expect(page.GetByTestId("mark-settings")).ToBeVisibleAsync();
        await EscapeAsync();
        await ChooseToolAsync(page, "select");
    }

    /// <summary>
    /// Chooses a drawing tool and waits until the page has it (its button shown as the one chosen, which happens once the canvas
    /// was told): a click or double-click sent before would be taken by the tool before — under load, a mark drawn for a cell.
    /// </summary>
    public static async Task ChooseToolAsync(IPage page, string tool)
    {
        await page.GetByTestId($"tool-{tool}").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"tool-{tool}")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\brz-primary\\b"));
    }

    /// <summary>Every header cell of the sample, as the package describes it.</summary>
    public async Task HeaderCellsAsync()
    {
        foreach (var cell in Sample.Cells)
        {
            await CellAsync(cell);
        }
    }

    /// <summary>The first line's boxes made cells, then rows repeated down the form (pitch and count from the boxes below) and a size grid.</summary>
    public async Task RowsAsync()
    {
        var lines = Sample.Rows.Single();
        foreach (var cell in lines.Cells)
        {
            await CellAsync(cell, lines.Y);
        }

        await page.Keyboard.DownAsync("Shift");
        foreach (var cell in lines.Cells.SkipLast(1))
        {
            await ClickAsync(cell.X + (cell.Width / 2), lines.Y + cell.Y + (cell.Height / 2));
        }

        await page.Keyboard.UpAsync("Shift");
        await page.GetByTestId("designer-make-rows").ClickAsync();
        await Assertions.Expect(PageDriver.Input(page, "rows-count")).ToHaveValueAsync(lines.Count.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(PageDriver.Input(page, "rows-pitch")).ToHaveValueAsync(lines.Pitch.ToString(CultureInfo.InvariantCulture));
        if (lines.Grid is { } grid)
        {
            await page.GetByTestId("rows-grid").ClickAsync();
            foreach (var (cell, size) in grid.Columns)
            {
                await Assertions.Expect(page.Locator($"[data-testid=grid-size][data-cell={cell}]")).ToHaveValueAsync(size);
            }
        }

        await EscapeAsync();
    }

    /// <summary>Which records the sheets become, every cell's field as the package maps it.</summary>
    public async Task MappingAsync()
    {
        var records = Sample.Records;
        await PageDriver.ChooseAsync(page, "form-entity", $"({records.Entity})");
        if (records.Lines is { } lines)
        {
            await PageDriver.ChooseAsync(page, "form-lines-field", $"({lines.Field})");
            await Assertions.Expect(page.GetByTestId("form-lines-rows")).ToContainTextAsync(lines.Rows);
        }

        if (records.SheetField is { } sheetField)
        {
            await PageDriver.ChooseAsync(page, "form-sheet-field", $"({sheetField})");
        }

        foreach (var (field, source) in records.Fields)
        {
            if (source.ValueKind == JsonValueKind.String)
            {
                await SelectCellAsync(source.GetString()!);
                await PageDriver.ChooseAsync(page, "cell-maps-to", $"({field})");
            }
            else if (source.TryGetProperty("ticked", out var ticked))
            {
                foreach (var box in ticked.EnumerateObject())
                {
                    await SelectCellAsync(box.Value.GetString()!);
                    await PageDriver.ChooseAsync(page, "cell-maps-to", $"({field})");
                    await Assertions.Expect(PageDriver.Input(page, "cell-ticked-value")).ToHaveValueAsync(box.Name); // the box's name, as the package has it
                }
            }
            else
            {
                // A lookup: the cell already fills a field; it finds the record too.
                await SelectCellAsync(source.GetProperty("cell").GetString()!);
                await PageDriver.ChooseAsync(page, "cell-also-fills", $"({field})");
                var by = page.Locator($"[data-testid=cell-found-by][data-field={field}]");
                await PageDriver.ChooseAsync(page, by, $"({source.GetProperty("by").GetString()})");
            }
        }

        if (records.Lines is { } mapped)
        {
            var grid = Sample.Rows.Single(r => r.Name == mapped.Rows).Grid;
            foreach (var (field, value) in mapped.Fields)
            {
                if (grid is not null && (value == grid.Field || value == grid.Quantity))
                {
                    await SelectCellAsync(grid.Columns.Keys.First(), Sample.Rows.Single(r => r.Name == mapped.Rows));
                    await page.GetByTestId("cell-open-rows").ClickAsync();
                    await PageDriver.ChooseAsync(page, page.Locator($"[data-testid=grid-maps-to][data-value={value}]"), $"({field})");
                    continue;
                }

                await SelectCellAsync(value, Sample.Rows.Single(r => r.Name == mapped.Rows));
                await PageDriver.ChooseAsync(page, "cell-maps-to", $"({field})");
            }
        }

        await EscapeAsync();
        foreach (var part in records.DuplicateKey)
        {
            await PageDriver.ChooseAsync(page, "form-duplicate-key", $"{part}");
            await page.Keyboard.PressAsync("Escape");
        }

        await Assertions.Expect(page.GetByTestId("form-duplicate-key")).ToContainTextAsync("经销商编号 (dealer_code)"); // fields by their names for people
    }

    /// <summary>Saves the draft (which must be complete) and publishes it as version 1.</summary>
    public async Task PublishAsync()
    {
        await page.GetByTestId("designer-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("草稿已保存");
        Assert.True(await page.GetByTestId("designer-problems").CountAsync() == 0, await page.GetByTestId("designer-problems").CountAsync() == 0 ? "" : await page.GetByTestId("designer-problems").InnerTextAsync());
        await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("草稿已保存，内容完整，可以发布。");
        await page.GetByTestId("designer-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("已发布为第 1 版");
    }

    /// <summary>
    /// What was designed, as the API gives the published definition, is the package's template: marks and boxes where the
    /// package has them (within the snapping's two pixels), every setting the designer was given, the same mapping.
    /// </summary>
    public static void AssertIsTheSample(JsonElement designed)
    {
        var template = designed.Deserialize<SampleTemplate>(Web)!;
        Assert.Equal(Sample.Anchors.Count, template.Anchors.Count);
        foreach (var (mark, drawn) in Sample.Anchors.Zip(template.Anchors))
        {
            Near($"mark at {mark.X},{mark.Y}", [mark.X, mark.Y, mark.Size], [drawn.X, drawn.Y, drawn.Size]);
        }

        SameCells(Sample.Cells, template.Cells);
        var (rows, drawnRows) = (Sample.Rows.Single(), template.Rows.Single());
        Near("rows", [rows.Pitch, rows.Count], [drawnRows.Pitch, drawnRows.Count]);
        SameCells(rows.Cells, drawnRows.Cells, rows.Y, drawnRows.Y); // where the group starts is the designer's; where its cells are is not
        Assert.Equal(Canonical(rows.Grid), Canonical(drawnRows.Grid));
        Assert.Equal(Canonical(Sample.Records), Canonical(template.Records));
    }

    private static void SameCells(List<SampleCell> sample, List<SampleCell> drawn, int sampleTop = 0, int drawnTop = 0)
    {
        Assert.Equal(sample.Select(c => c.Field).Order(), drawn.Select(c => c.Field).Order());
        foreach (var cell in sample)
        {
            var other = drawn.Single(c => c.Field == cell.Field);
            Near(cell.Field, [cell.X, sampleTop + cell.Y, cell.Width, cell.Height], [other.X, drawnTop + other.Y, other.Width, other.Height]);
            Assert.Equal(Canonical(cell with { X = 0, Y = 0, Width = 0, Height = 0 }), Canonical(other with { X = 0, Y = 0, Width = 0, Height = 0 }));
        }
    }

    /// <summary>A value as JSON with every object's members in name order (a dictionary's order is not part of a template).</summary>
    private static string Canonical(object? value)
    {
        static System.Text.Json.Nodes.JsonNode? Sorted(System.Text.Json.Nodes.JsonNode? node) => node switch
        {
            System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
            System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray([.. a.Select(i => Sorted(i?.DeepClone()))]),
            _ => node?.DeepClone(),
        };
        return Sorted(JsonSerializer.SerializeToNode(value, Web))?.ToJsonString() ?? "null";
    }

    private static void Near(string what, int[] expected, int[] actual) =>
        Assert.True(expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) <= 2), $"{what}: designed [{string.Join(", ", actual)}], the package has [{string.Join(", ", expected)}]");

    /// <summary>Where a point of the page (the blank's pixels) is on the screen.</summary>
    public async Task<(float X, float Y)> ScreenAsync(int x, int y)
    {
        var box = (await page.Locator(".td-svg").BoundingBoxAsync())!;
        return (box.X + (x * box.Width / Sample.Page.Width), box.Y + (y * box.Height / Sample.Page.Height));
    }

    public async Task ClickAsync(int x, int y)
    {
        var (sx, sy) = await ScreenAsync(x, y);
        await page.Mouse.ClickAsync(sx, sy);
    }

    /// <summary>Selects the cell at a point and waits for its settings (not those of what was selected before the click).</summary>
    public async Task SelectAsync(int x, int y)
    {
        await ClickAsync(x, y);
        var id = await (await page.WaitForFunctionAsync("""
            ([x, y]) => [...document.querySelectorAll('.td-shape.td-selected[data-row="0"]:not(.td-rows)')].map(g => [g.dataset.id, g.querySelector('rect')])
                .filter(([, r]) => x >= +r.getAttribute('x') && x <= +r.getAttribute('x') + +r.getAttribute('width') && y >= +r.getAttribute('y') && y <= +r.getAttribute('y') + +r.getAttribute('height'))
                .map(([id]) => id)[0]
            """, new[] { x, y })).JsonValueAsync<string>();
        await Assertions.Expect(page.Locator($"[data-testid=cell-settings][data-id={id}], [data-testid=rows-settings][data-id={id}]")).ToBeVisibleAsync();
    }

    /// <summary>Selects a sample cell (of the first row of <paramref name="rows"/> when given) by clicking inside it.</summary>
    public Task SelectCellAsync(string field, SampleRows? rows = null)
    {
        var cell = rows is null ? Sample.Cells.Single(c => c.Field == field) : rows.Cells.Single(c => c.Field == field);
        return SelectAsync(cell.X + Math.Min(20, cell.Width / 3), (rows?.Y ?? 0) + cell.Y + Math.Min(20, cell.Height / 3));
    }

    public Task EscapeAsync() => page.GetByTestId("designer-canvas").PressAsync("Escape");

    /// <summary>Double-clicks the printed box of a sample cell and names the new cell.</summary>
    public async Task NewCellAsync(SampleCell cell, string field, int top = 0)
    {
        var count = await page.Locator(".td-shape:not(.td-mark)").CountAsync();
        var (sx, sy) = await ScreenAsync(cell.X + (cell.Width / 2), top + cell.Y + (cell.Height / 2));
        await page.Mouse.DblClickAsync(sx, sy);
        await Assertions.Expect(page.Locator(".td-shape:not(.td-mark)")).ToHaveCountAsync(count + 1);
        await Assertions.Expect(page.GetByTestId("cell-settings")).ToHaveAttributeAsync("data-id", (await page.Locator(".td-shape.td-selected").GetAttributeAsync("data-id"))!);
        await PageDriver.TypeAsync(page, "cell-field", field);
        await Assertions.Expect(page.Locator(".td-selected .td-caption")).ToHaveTextAsync(field);
    }

    /// <summary>Double-clicks the printed box of a sample cell, names the new cell and gives it the sample's settings.</summary>
    public async Task CellAsync(SampleCell cell, int top = 0)
    {
        await NewCellAsync(cell, cell.Field, top);
        await PageDriver.TypeAsync(page, "cell-label-zh", cell.Label["zh-CN"]);
        await PageDriver.TypeAsync(page, "cell-label-en", cell.Label["en"]);
        switch (cell.Type)
        {
            case "digits":
                await PageDriver.ChooseAsync(page, "cell-kind", "手写数字");
                await Assertions.Expect(page.GetByTestId("cell-min")).ToBeVisibleAsync();
                await TypeIfAsync("cell-min", cell.Min?.ToString(CultureInfo.InvariantCulture));
                await TypeIfAsync("cell-max", cell.Max?.ToString(CultureInfo.InvariantCulture));
                await TypeIfAsync("cell-sum-of", cell.SumOf is null ? null : string.Join(", ", cell.SumOf));
                break;
            case "check":
                await Assertions.Expect(page.GetByTestId("cell-kind")).ToContainTextAsync("勾选框"); // a small square box is a tick box
                await TypeIfAsync("cell-one-of", cell.OneOf);
                break;
            default:
                if (cell.Language == "chi_sim")
                {
                    await PageDriver.ChooseAsync(page, "cell-language", "chi_sim");
                }

                await TypeIfAsync("cell-whitelist", cell.Whitelist);
                await TypeIfAsync("cell-pattern", cell.Pattern);
                await TypeIfAsync("cell-choices", cell.Choices is null ? null : string.Join('\n', cell.Choices));
                if (cell.ChoicesFrom is { } source)
                {
                    await PageDriver.ChooseAsync(page, "cell-choices-from", $"({source.Entity})");
                    await PageDriver.ChooseAsync(page, "cell-choices-field", $"({source.Field})");
                }

                break;
        }
    }

    private async Task TypeIfAsync(string testId, string? text)
    {
        if (text is not null)
        {
            await PageDriver.TypeAsync(page, testId, text);
        }
    }

    /// <summary>The parts of the package's template the designer draws again.</summary>
    internal sealed record SampleTemplate(SamplePage Page, List<SampleMark> Anchors, List<SampleCell> Cells, List<SampleRows> Rows, SampleRecords Records);

    internal sealed record SamplePage(int Width, int Height);

    internal sealed record SampleMark(int X, int Y, int Size);

    internal sealed record SampleCell(string Field, Dictionary<string, string> Label, int X, int Y, int Width, int Height, string Type = "text", string Language = "eng",
        string? Whitelist = null, string? Pattern = null, List<string>? Choices = null, SampleChoiceSource? ChoicesFrom = null, decimal? Min = null, decimal? Max = null,
        List<string>? SumOf = null, string? OneOf = null);

    internal sealed record SampleChoiceSource(string Entity, string Field);

    internal sealed record SampleRows(string Name, int Y, int Pitch, int Count, List<SampleCell> Cells, SampleGrid? Grid);

    internal sealed record SampleGrid(string Field, string Quantity, Dictionary<string, string> Columns);

    internal sealed record SampleRecords(string Entity, Dictionary<string, JsonElement> Fields, string? SheetField, SampleLines? Lines, List<string> DuplicateKey);

    internal sealed record SampleLines(string Field, string Rows, Dictionary<string, string> Fields);
}
