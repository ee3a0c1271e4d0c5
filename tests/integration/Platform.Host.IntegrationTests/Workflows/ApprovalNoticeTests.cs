using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Security;
using Platform.Bpmn;
using Platform.Bpmn.Storage;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Entities;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Notifications;
using Platform.Workflows;
using Platform.Workflows.Approvals;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// What people hear under the bell as a request moves: the approver of a new task, the people copied, the
/// submitter of the decision — in both languages — and, when a step stops, the submitter and administrators;
/// nothing of a submission that was refused.
/// </summary>
public sealed class ApprovalNoticeTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static ApprovalChain Chain() => new()
    {
        Key = "product_review",
        Name = LocalizedText.Of("产品审核", "Product review"),
        Entity = "product",
        Steps =
        [
            new ApproveStep { Id = "review", Name = LocalizedText.Of("主管审核", "Supervisor reviews"), Who = new() { Kind = PeopleKind.Manager } },
            new CopyStep { Id = "tell_sales", Name = LocalizedText.Of("抄送销售", "Tell sales"), Who = new() { Kind = PeopleKind.Role, Role = "Sales" } },
        ],
    };

    private static Task<List<(string User, string Kind, string Zh, string En, string? Link)>> NoticesAsync(PlatformHost host) =>
        host.InScopeAsync(async s => (await s.GetRequiredService<PlatformDbContext>().UserNotifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync())
            .Select(n => (n.UserId, n.Kind, System.Text.Json.JsonDocument.Parse(n.Text).RootElement.GetProperty("zh-CN").GetString()!,
                System.Text.Json.JsonDocument.Parse(n.Text).RootElement.GetProperty("en").GetString()!, n.Link)).ToList());

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_approver_the_people_copied_and_the_submitter_hear_of_each_step_in_both_languages(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var east = await Accounts.CreateDepartmentAsync(host, "华东");
        var boss = await Accounts.CreateUserInAsync(host, "boss", "Passw0rd!longer", east);
        var lin = await Accounts.CreateUserInAsync(host, "lin", "Passw0rd!longer", east);
        await Accounts.CreateRoleAsync(host, "Sales");
        var seller = await Accounts.CreateUserAsync(host, "seller", "Passw0rd!longer", "Sales");
        await Accounts.SetManagerAsync(host, east, boss);
        Assert.Empty((await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(ApprovalChainCompiler.Compile(Chain()), "admin"))).Problems);
        var person = new Actor(lin, "lin", east, new RecordAccess(true, []));
        var created = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = "A-1" }, person));
        var product = (Guid)created.Record!["id"]!;

        await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("product_review", "product", product, person));
        var task = Assert.Single(await NoticesAsync(host));
        Assert.Equal((boss, "task", "待您处理：主管审核（产品审核）", "Waiting for you: Supervisor reviews (Product review)", $"/records/product/{product}"), task);
        Assert.Equal(1, await host.InScopeAsync(s => s.GetRequiredService<INotificationCentre>().UnreadCountAsync(boss)));

        var open = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowTasks.SingleAsync(t => t.IsOpen));
        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IWorkflowEngine>().ApproveAsync(open.Id, new Actor(boss, "boss", east, new RecordAccess(true, [])), null, "ok");
            return true;
        });

        var notices = await NoticesAsync(host);
        Assert.Equal(3, notices.Count);
        // The copy and the approval come from one step (one instant): found by kind, not by order.
        var copy = Assert.Single(notices, n => n.Kind == "copy");
        Assert.Equal((seller, "抄送：产品审核（lin 提交，抄送销售）"), (copy.User, copy.Zh));
        var approved = Assert.Single(notices, n => n.Kind == "approved");
        Assert.Equal((lin, "产品审核 已通过", "Product review is approved"), (approved.User, approved.Zh, approved.En));

        // Read one, then all: only one's own.
        var mine = await host.InScopeAsync(s => s.GetRequiredService<INotificationCentre>().LatestAsync(boss, 10));
        await host.InScopeAsync(async s => { await s.GetRequiredService<INotificationCentre>().MarkReadAsync(lin, mine.Single().Id); return true; });
        Assert.Equal(1, await host.InScopeAsync(s => s.GetRequiredService<INotificationCentre>().UnreadCountAsync(boss)));
        await host.InScopeAsync(async s => { await s.GetRequiredService<INotificationCentre>().MarkReadAsync(boss); return true; });
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<INotificationCentre>().UnreadCountAsync(boss)));
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<INotificationCentre>().LatestAsync(boss, 10))).Single().Read);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_refused_submission_leaves_no_notice_and_a_step_that_stops_tells_the_submitter_and_the_administrators(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var lin = await Accounts.CreateUserAsync(host, "lin", "Passw0rd!longer");
        var admin = await Accounts.CreateUserAsync(host, "chief", "Passw0rd!longer", PlatformRoles.Administrator);
        Assert.Empty((await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(ApprovalChainCompiler.Compile(Chain()), "admin"))).Problems);
        var person = new Actor(lin, "lin", null, new RecordAccess(true, []));
        var created = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = "A-1" }, person));
        var product = (Guid)created.Record!["id"]!;

        await Assert.ThrowsAsync<WorkflowException>(() => host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("product_review", "product", product, person)));
        Assert.Empty(await NoticesAsync(host));

        // Started another way (the API), the same step stops in incident: both hear of it.
        var instance = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().StartAsync("product_review", null, person, "product", product));
        Assert.Equal(WorkflowStatus.Incident, instance.Status);
        var notices = await NoticesAsync(host);
        // Written in one step, the notices share one instant: they are told apart by whom they are for, not by their order.
        var submitter = Assert.Single(notices, n => n.User == lin);
        Assert.Equal(("incident", $"/records/product/{product}"), (submitter.Kind, submitter.Link));
        Assert.Equal("产品审核 在“主管审核”出错停止，等待管理员处理", submitter.Zh);
        // Every administrator (the one the host seeded, and chief) is told, with the instance to look at.
        var administrators = notices.Where(n => n.User != lin).ToList();
        Assert.Contains(administrators, n => n.User == admin);
        Assert.All(administrators, n => Assert.Equal(("incident", $"/workflows/instances/{instance.Id}"), (n.Kind, n.Link)));
        Assert.Equal(3, notices.Count);
    }
}
