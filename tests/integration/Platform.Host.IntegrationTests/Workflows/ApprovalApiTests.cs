using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// Approvals as people do them over the API, on a real database: the sample sales-order approval
/// locks its order and shows its status on it, a director rejects to the initiator who edits and
/// resubmits; a countersign of three with a delegation and an added signer; a withdrawal.
/// </summary>
public sealed class ApprovalApiTests
{
    private const string Password = "Sales-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string SamplesFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "samples");

    private static async Task<List<JsonElement>> MyTasksAsync(HttpClient client, Guid instance) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine")).EnumerateArray().Where(t => t.GetProperty("instanceId").GetGuid() == instance)];

    private static async Task<JsonElement> InstanceAsync(HttpClient client, Guid instance) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/workflows/instances/{instance}");

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, JsonElement task, string action, object body) =>
        client.PostAsJsonAsync($"/api/workflows/tasks/{task.GetProperty("id").GetGuid()}/{action}", body);

    private static async Task<Guid> StartAsync(HttpClient client, string key, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/workflows/processes/{key}/instances", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> StatusAsync(HttpClient client, Guid instance) =>
        (await InstanceAsync(client, instance)).GetProperty("instance").GetProperty("status").GetString()!;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_rejected_order_goes_back_to_its_initiator_unlocked_and_resubmitted_it_is_approved(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Packages:0", SamplesFolder), ("Platform:Workflows:FireTimers", "false"));
        // The package brings the roles its approval offers steps to.
        await Accounts.CreateUserAsync(host, "mary", Password, "Sales manager");
        await Accounts.CreateUserAsync(host, "dave", Password, "Sales director");
        var (admin, manager, director) = (await host.CreateAdminClientAsync(), await host.CreateClientForAsync("mary", Password), await host.CreateClientForAsync("dave", Password));
        var adminId = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        var person = new Actor(adminId, "admin", Access: new RecordAccess(true, []));
        Task<RecordResult> Save(Func<RecordStore, Task<RecordResult>> work) => host.InScopeAsync(s => work(s.GetRequiredService<RecordStore>()));
        Task<IReadOnlyDictionary<string, object?>?> Order(Guid id) => host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync("sales_order", id));

        var customer = (await Save(r => r.CreateAsync("customer", new Dictionary<string, object?> { ["name"] = "杭州丝绸" }, person))).Record!;
        var product = (await Save(r => r.CreateAsync("product", new Dictionary<string, object?> { ["code"] = "SW-9", ["name"] = "真丝围巾", ["price"] = 20_000m }, person))).Record!;
        var created = await Save(r => r.CreateAsync("sales_order", new Dictionary<string, object?>
        {
            ["customer"] = customer["id"], ["status"] = "draft",
            ["lines"] = new[] { new Dictionary<string, object?> { ["product"] = product["id"], ["quantity"] = 3m } },
        }, person));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var orderId = (Guid)created.Record!["id"]!;

        var instance = await StartAsync(admin, "sales_order_approval", new { entity = "sales_order", recordId = orderId });
        Assert.Equal("submitted", (await Order(orderId))!["status"]);

        // In approval the order is locked for people, the initiator included.
        async Task<RecordResult> EditNotes(string notes)
        {
            var current = await Order(orderId);
            return await Save(r => r.UpdateAsync("sales_order", orderId, (int)current![SystemFieldsRowVersion]!, new Dictionary<string, object?> { ["notes"] = notes }, person));
        }

        var locked = await EditNotes("change while in approval");
        Assert.Equal(RecordOutcome.Locked, locked.Outcome);
        Assert.Contains("销售订单审批", locked.Errors.Single().Message, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(manager, Assert.Single(await MyTasksAsync(manager, instance)), "approve", new { comment = "同意" })).StatusCode);
        var directorTask = Assert.Single(await MyTasksAsync(director, instance));

        // A rejection needs a reason; this one goes back to the initiator (platform:onReject="initiator").
        var noReason = await ActAsync(director, directorTask, "reject", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("驳回理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(director, directorTask, "reject", new { comment = "请补充交货日期" })).StatusCode);

        Assert.Equal("draft", (await Order(orderId))!["status"]);
        Assert.Equal(RecordOutcome.Saved, (await EditNotes("交货日期：4 月 1 日")).Outcome);
        var resubmit = Assert.Single(await MyTasksAsync(admin, instance));
        Assert.Equal("submitted", resubmit.GetProperty("element").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(admin, resubmit, "reject", new { comment = "no" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(admin, resubmit, "complete", new { comment = "已补充" })).StatusCode);
        Assert.Equal("submitted", (await Order(orderId))!["status"]);
        Assert.Equal(RecordOutcome.Locked, (await EditNotes("again")).Outcome);

        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(manager, Assert.Single(await MyTasksAsync(manager, instance)), "approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(director, Assert.Single(await MyTasksAsync(director, instance)), "approve", new { })).StatusCode);

        Assert.Equal("completed", await StatusAsync(admin, instance));
        var order = (await Order(orderId))!;
        Assert.Equal("approved", order["status"]);
        Assert.Equal("交货日期：4 月 1 日", order["notes"]);
        Assert.Equal(RecordOutcome.Saved, (await EditNotes("after approval")).Outcome);
        var history = (await InstanceAsync(admin, instance)).GetProperty("history").EnumerateArray()
            .Select(h => $"{h.GetProperty("element").GetString()}:{h.GetProperty("event").GetString()}:{h.GetProperty("detail").GetString()}").ToList();
        Assert.Contains("director_approval:rejected:请补充交货日期", history);
    }

    private const string SystemFieldsRowVersion = Platform.Core.Metadata.SystemFields.RowVersion;

    private const string Countersign = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
          <process id="contract_review" name="合同会签" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="sign"/>
            <userTask id="sign" name="会签" camunda:assignee="${signer}">
              <multiInstanceLoopCharacteristics camunda:collection="${signers}" camunda:elementVariable="signer"/>
            </userTask>
            <sequenceFlow id="f2" sourceRef="sign" targetRef="archive"/>
            <userTask id="archive" name="归档" camunda:assignee="${initiator}"/>
            <sequenceFlow id="f3" sourceRef="archive" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_countersign_of_three_with_a_delegation_and_an_added_signer_and_a_withdrawal(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        var ids = new Dictionary<string, string>();
        foreach (var name in new[] { "ann", "bob", "cai", "dan", "eve" })
        {
            ids[name] = await Accounts.CreateUserAsync(host, name, Password);
        }

        var people = new Dictionary<string, HttpClient>();
        foreach (var name in ids.Keys)
        {
            people[name] = await host.CreateClientForAsync(name, Password);
        }

        var admin = await host.CreateAdminClientAsync();
        var deployed = await admin.PostAsync("/api/workflows/processes", new StringContent(Countersign, Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        var signers = new[] { ids["ann"], ids["bob"], ids["cai"] };
        var instance = await StartAsync(people["eve"], "contract_review", new { variables = new { signers, initiator = ids["eve"] } });

        Assert.Equal(HttpStatusCode.NotFound, (await people["ann"].PostAsync($"/api/workflows/tasks/{Guid.NewGuid()}/claim", null)).StatusCode);

        // Ann hands her signature to Dan; an unknown user is refused.
        var annTask = Assert.Single(await MyTasksAsync(people["ann"], instance));
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(people["ann"], annTask, "delegate", new { user = "nobody" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(people["ann"], annTask, "delegate", new { user = ids["dan"], comment = "出差" })).StatusCode);
        Assert.Empty(await MyTasksAsync(people["ann"], instance));
        // Handed on, the task is no longer Ann's: she still sees the request she acted in (its timeline names her), but may not act on the task.
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(people["ann"], annTask, "approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(people["dan"], Assert.Single(await MyTasksAsync(people["dan"], instance)), "approve", new { })).StatusCode);

        // Bob asks Eve to sign too: his item moves on only when both have approved.
        var bobTask = Assert.Single(await MyTasksAsync(people["bob"], instance));
        var added = await ActAsync(people["bob"], bobTask, "signers", new { user = ids["eve"] });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(people["bob"], bobTask, "approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(people["cai"], Assert.Single(await MyTasksAsync(people["cai"], instance)), "approve", new { })).StatusCode);
        var eveSign = Assert.Single(await MyTasksAsync(people["eve"], instance));
        Assert.Equal("sign", eveSign.GetProperty("element").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(people["eve"], eveSign, "approve", new { })).StatusCode);

        var archive = Assert.Single(await MyTasksAsync(people["eve"], instance));
        Assert.Equal("archive", archive.GetProperty("element").GetString());
        var timeline = (await InstanceAsync(people["eve"], instance)).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()).ToList();
        Assert.Contains("delegated", timeline);
        Assert.Contains("signerAdded", timeline);

        // Only the initiator withdraws; afterwards nothing is open and nobody can act.
        Assert.Equal(HttpStatusCode.BadRequest, (await people["bob"].PostAsJsonAsync($"/api/workflows/instances/{instance}/withdraw", new { comment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await people["eve"].PostAsJsonAsync($"/api/workflows/instances/{instance}/withdraw", new { comment = "合同取消" })).StatusCode);
        Assert.Equal("withdrawn", await StatusAsync(admin, instance));
        Assert.Empty(await MyTasksAsync(people["eve"], instance));
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(people["eve"], archive, "approve", new { })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Comments_carry_attached_files_that_only_participants_can_download(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        var ann = await Accounts.CreateUserAsync(host, "ann", Password);
        await Accounts.CreateUserAsync(host, "zed", Password);
        var (annClient, zed, admin) = (await host.CreateClientForAsync("ann", Password), await host.CreateClientForAsync("zed", Password), await host.CreateAdminClientAsync());
        await admin.PostAsync("/api/workflows/processes", new StringContent(Countersign, Encoding.UTF8, "application/xml"));
        var instance = await StartAsync(admin, "contract_review", new { variables = new { signers = new[] { ann }, initiator = ann } });

        var upload = await annClient.PostAsync("/api/files?name=quote.txt", new StringContent("price list 2026", Encoding.UTF8, "text/plain"));
        var fileId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await annClient.PostAsJsonAsync($"/api/workflows/instances/{instance}/comments", new { comment = "see", attachments = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zed.PostAsJsonAsync($"/api/workflows/instances/{instance}/comments", new { comment = "hi" })).StatusCode);
        var task = Assert.Single(await MyTasksAsync(annClient, instance));
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(annClient, task, "approve", new { comment = "报价见附件", attachments = new[] { fileId } })).StatusCode);

        // The same file cannot be attached twice; the timeline names it; a stranger cannot fetch it.
        Assert.Equal(HttpStatusCode.BadRequest, (await annClient.PostAsJsonAsync($"/api/workflows/instances/{instance}/comments", new { comment = "again", attachments = new[] { fileId } })).StatusCode);
        var history = (await InstanceAsync(admin, instance)).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("event").GetString() == "attached" && h.GetProperty("detail").GetString()!.Contains("quote.txt", StringComparison.Ordinal));
        Assert.Equal("price list 2026", await annClient.GetStringAsync($"/api/workflows/instances/{instance}/attachments/{fileId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await zed.GetAsync($"/api/workflows/instances/{instance}/attachments/{fileId}")).StatusCode);
    }
}
