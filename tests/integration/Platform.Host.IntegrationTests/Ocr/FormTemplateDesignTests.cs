using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Ocr.Native;

namespace Platform.Host.IntegrationTests.Ocr;

/// <summary>
/// Templates made in the designer, over the API: a new template from a blank form waits unpublished (no batch may use it), its
/// draft is kept as it is saved — incomplete, across a restart — with what still keeps it from use; publication checks it in
/// full and makes it the next version; the blank's lines and marks are given to snap to; a sample scan is read with the draft.
/// </summary>
public sealed class FormTemplateDesignTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-design-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Blank => Path.Combine(ScanBatches.Package, "ocr", "apparel_order.blank.png");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_template_from_a_blank_keeps_its_draft_across_a_restart_and_is_published_once_complete(string provider)
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var database = await TestDatabase.CreateAsync(provider);
        JsonObject draft;
        await using (var first = PlatformHost.Start(database))
        {
            await ScanBatches.ApplyPackageAsync(first);
            var admin = await first.CreateAdminClientAsync();
            var created = await CreateAsync(admin, "fair_copy", await File.ReadAllBytesAsync(Blank));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            draft = (await admin.GetFromJsonAsync<JsonObject>("/api/ocr/templates/fair_copy/draft"))!;
            Assert.Equal(1654, (int)draft["page"]!["width"]!);
            Assert.Equal(2339, (int)draft["page"]!["height"]!);
            Assert.Equal("订货单副本", (string?)draft["label"]!["zh-CN"]);
            var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/ocr/templates")).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "fair_copy");
            Assert.False(listed.GetProperty("published").GetBoolean());
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/ocr/templates/fair_copy")).StatusCode);

            // Unpublished: no batch may be read with it, and publishing says why not.
            var batch = await ScanBatches.UploadAsync(admin, "fair_copy", [("a.png", await File.ReadAllBytesAsync(Blank))]);
            Assert.Equal(HttpStatusCode.BadRequest, batch.StatusCode);
            Assert.Contains("OcrCapture.Error.NeverPublished", await batch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var refused = await admin.PostAsync("/api/ocr/templates/fair_copy/publish", null);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
            Assert.Contains("anchors: 现有 0 个；表单需要 4 个定位标记，每个角附近一个。", problems); // in the caller's language

            // The marks the blank shows, and the boxes' lines, to snap to.
            var layout = await admin.GetFromJsonAsync<JsonElement>("/api/ocr/templates/fair_copy/layout");
            Assert.Equal(4, layout.GetProperty("marks").GetArrayLength());
            Assert.True(layout.GetProperty("horizontal").GetArrayLength() > 30);

            // An unfinished draft is kept, with what still keeps it from use.
            draft["anchors"] = JsonNode.Parse(JsonSerializer.Serialize(layout.GetProperty("marks").EnumerateArray()
                .Select((m, i) => new { id = $"m{i}", x = m.GetProperty("x").GetInt32(), y = m.GetProperty("y").GetInt32(), size = m.GetProperty("size").GetInt32() })));
            draft["cells"] = JsonNode.Parse("""[ { "field": "Dealer Code", "x": 330, "y": 190, "width": 330, "height": 72 } ]""");
            var saved = await (await admin.PutAsync("/api/ocr/templates/fair_copy/draft", Json(draft))).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(saved.GetProperty("problems").EnumerateArray(), p => p.GetString() == "cells[0] 'Dealer Code': 字段名只能由小写字母、数字和 _ 组成，且不能重复。");
        }

        await using var second = PlatformHost.Start(database);
        var client = await second.CreateAdminClientAsync();
        var kept = (await client.GetFromJsonAsync<JsonObject>("/api/ocr/templates/fair_copy/draft"))!;
        Assert.Equal("Dealer Code", (string?)kept["cells"]![0]!["field"]);
        Assert.Equal(4, kept["anchors"]!.AsArray().Count);

        kept["cells"]![0]!["field"] = "dealer_code";
        kept["records"] = JsonNode.Parse("""{ "entity": "fair_order", "fields": { "dealer_code": "dealer_code" } }""");
        var ready = await (await client.PutAsync("/api/ocr/templates/fair_copy/draft", Json(kept))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, ready.GetProperty("problems").GetArrayLength());
        var published = await client.PostAsync("/api/ocr/templates/fair_copy/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(1, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var definition = await client.GetFromJsonAsync<JsonElement>("/api/ocr/templates/fair_copy");
        Assert.Equal("dealer_code", definition.GetProperty("cells")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/ocr/templates/fair_copy/publish", null)).StatusCode); // nothing new to publish

        // Published: a batch may be read with it, at version 1.
        var scans = await ScanBatches.CorpusAsync(_folder, 1, seed: 71);
        var upload = await ScanBatches.UploadAsync(client, "fair_copy", [(Path.GetFileName(scans[0]), await File.ReadAllBytesAsync(scans[0]))]);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

        // A mapping to a field the entity lacks keeps a draft from publication.
        kept["records"] = JsonNode.Parse("""{ "entity": "fair_order", "fields": { "dealer_no": "dealer_code" } }""");
        await client.PutAsync("/api/ocr/templates/fair_copy/draft", Json(kept));
        var wrong = await client.PostAsync("/api/ocr/templates/fair_copy/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("records.fields.dealer_no", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_sample_scan_is_read_with_the_draft_cell_by_cell_with_pictures()
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await ScanBatches.ApplyPackageAsync(host);
        var admin = await host.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(admin, "fair_test", await File.ReadAllBytesAsync(Blank))).StatusCode);
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(ScanBatches.Template))!.AsObject();
        sample["name"] = "fair_test";
        await admin.PutAsync("/api/ocr/templates/fair_test/draft", Json(sample));
        var scan = (await ScanBatches.CorpusAsync(_folder, 1, seed: 72))[0];

        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(scan)), "scan", "sheet.jpg" } };
        var answer = await admin.PostAsync("/api/ocr/templates/fair_test/test", form);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var read = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("read", read.GetProperty("status").GetString());
        var dealer = read.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("path").GetString() == "dealer_code");
        Assert.Equal(ScanBatches.TruthOf(scan, "dealer_code"), dealer.GetProperty("value").GetString());
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, Convert.FromBase64String(dealer.GetProperty("crop").GetString()!)[..4]);

        using var notAScan = new MultipartFormDataContent { { new ByteArrayContent("not a scan"u8.ToArray()), "scan", "notes.jpg" } };
        var rejected = await (await admin.PostAsync("/api/ocr/templates/fair_test/test", notAScan)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("not_a_scan", rejected.GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task Bad_names_bad_blanks_bad_documents_and_people_without_the_permission_are_refused_with_the_reason()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await ScanBatches.ApplyPackageAsync(host);
        var admin = await host.CreateAdminClientAsync();
        await Accounts.CreateUserAsync(host, "clerk", "Clerk-passw0rd");
        var clerk = await host.CreateClientForAsync("clerk", "Clerk-passw0rd");

        var badName = await CreateAsync(admin, "Shoe Order", [1, 2, 3]);
        var taken = await CreateAsync(admin, "apparel_order", [1, 2, 3]);
        var notAnImage = await CreateAsync(admin, "shoe_order", "not an image"u8.ToArray());
        using var noBlank = new MultipartFormDataContent { { new StringContent("shoe_order"), "name" } };
        var withoutBlank = await admin.PostAsync("/api/ocr/templates", noBlank);

        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Contains("Shoe Order", await badName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("OcrCapture.Error.TemplateExists", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notAnImage.StatusCode);
        Assert.Contains("OcrCapture.Error.BlankUnreadable", await notAnImage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutBlank.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/ocr/templates/shoe_order/draft")).StatusCode);

        // A draft that is no template at all is refused and the one kept stays as it was.
        var before = await admin.GetStringAsync("/api/ocr/templates/apparel_order/draft");
        foreach (var document in new[] { "{ not json", """{ "cells": [ { "field": "a", "colour": "red" } ] }""", """{ "cells": "many" }""" })
        {
            var answer = await admin.PutAsync("/api/ocr/templates/apparel_order/draft", new StringContent(document, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("OcrCapture.Error.NotATemplate", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await admin.GetStringAsync("/api/ocr/templates/apparel_order/draft"));

        // Designing templates needs its own permission.
        Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(clerk, "shoe_order", await File.ReadAllBytesAsync(Blank))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/ocr/templates/apparel_order/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsync("/api/ocr/templates/apparel_order/draft", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync("/api/ocr/templates/apparel_order/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/ocr/templates/apparel_order/layout")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/ocr/templates/apparel_order/blank")).StatusCode);
        // A template designer who may not see batches still sees the blank form the designer draws on.
        await Accounts.CreateRoleAsync(host, "designers", "OcrCapture.Templates.Manage");
        await Accounts.CreateUserAsync(host, "designer", "Designer-passw0rd", "designers");
        var designer = await host.CreateClientForAsync("designer", "Designer-passw0rd");
        Assert.Equal(HttpStatusCode.Forbidden, (await designer.GetAsync("/api/ocr/batches")).StatusCode);
        var blank = await designer.GetAsync("/api/ocr/templates/apparel_order/blank");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal("image/png", blank.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string name, byte[] blank)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(name), "name" }, { new StringContent("订货单副本"), "labelZh" }, { new StringContent("Order sheet copy"), "labelEn" },
        };
        var file = new ByteArrayContent(blank);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "blank", "blank.png");
        return await client.PostAsync("/api/ocr/templates", form);
    }

    private static StringContent Json(JsonNode document) => new(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
