using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn;
using Platform.Bpmn.Storage;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Entities;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;
using Platform.Workflows;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// Submitting a record for approval from its form: the approvals its entity has, who the first step
/// goes to before submitting, the submission itself (the record is held, its status follows), and the
/// refusals — twice, to another entity's approval, or when nobody fits the first step — that keep nothing.
/// </summary>
public sealed class SubmitForApprovalTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Approval = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
          <process id="product_review" name="产品审核" platform:name-en="Product review" isExecutable="true"
                   platform:entity="product" platform:lockRecord="true" platform:statusField="status" platform:statusValues="running:sale, withdrawn:draft">
            <startEvent id="s"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
            <userTask id="review" name="主管审核" platform:name-en="Supervisor reviews" platform:assigneeRule="initiatorManager"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    private static async Task<(PlatformHost Host, Actor Person, string Boss, Guid Product)> ArrangeAsync(string provider, bool withManager = true)
    {
        var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var east = await Accounts.CreateDepartmentAsync(host, "华东");
        var boss = await Accounts.CreateUserInAsync(host, "boss", "Passw0rd!longer", east);
        var lin = await Accounts.CreateUserInAsync(host, "lin", "Passw0rd!longer", east);
        if (withManager)
        {
            await Accounts.SetManagerAsync(host, east, boss);
        }

        var deployed = await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(Approval), "admin"));
        Assert.Empty(deployed.Problems);
        var person = new Actor(lin, "lin", east, new RecordAccess(true, []));
        var created = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = "A-1", ["status"] = "draft" }, person));
        return (host, person, boss, (Guid)created.Record!["id"]!);
    }

    /// <summary>Runs <paramref name="work"/> as a reader of English (the culture flows into its awaits), then restores the culture.</summary>
    private static async Task<T> InEnglish<T>(Func<Task<T>> work)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            return await work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static Task<int> InstanceCountAsync(PlatformHost host) =>
        host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowInstances.CountAsync());

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_entity_lists_its_approvals_by_their_name_in_the_readers_language(string provider)
    {
        var (host, _, _, _) = await ArrangeAsync(provider);
        await using var _ = host;

        var zh = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowQueries>().ApprovalsForAsync("product", "zh-CN", CancellationToken.None));
        var en = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowQueries>().ApprovalsForAsync("Product", "en-US", CancellationToken.None));
        var other = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowQueries>().ApprovalsForAsync("customer", "en", CancellationToken.None));

        Assert.Equal(("product_review", 1, "产品审核"), (zh.Single().Key, zh.Single().Version, zh.Single().Name));
        Assert.Equal("Product review", en.Single().Name);
        Assert.Empty(other);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_preview_names_the_first_approver_and_keeps_nothing(string provider)
    {
        var (host, person, boss, product) = await ArrangeAsync(provider);
        await using var _ = host;

        var preview = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().PreviewSubmitAsync("product_review", "product", product, person));

        Assert.Null(preview.Problem);
        Assert.Equal(("review", boss), (preview.FirstTasks.Single().ElementId, preview.FirstTasks.Single().Assignee));
        Assert.Equal(0, await InstanceCountAsync(host));
        var record = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync("product", product));
        Assert.Equal("draft", record!["status"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Submitting_holds_the_record_shows_the_status_and_a_second_submission_is_refused(string provider)
    {
        var (host, person, boss, product) = await ArrangeAsync(provider);
        await using var _ = host;

        var instance = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("product_review", "product", product, person));

        Assert.Equal((WorkflowStatus.Running, "product", (Guid?)product, person.UserId), (instance.Status, instance.Entity, instance.RecordId, instance.Initiator));
        var record = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync("product", product));
        Assert.Equal("sale", record!["status"]);
        var held = await InEnglish(() => host.InScopeAsync(s => s.GetRequiredService<IRecordStore>().HeldAsync("product", product, person)));
        Assert.Contains("Product review", held!.Reason, StringComparison.Ordinal);
        Assert.False(held.AllowsSome);

        var again = await Assert.ThrowsAsync<WorkflowException>(() => host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("product_review", "product", product, person)));
        Assert.Equal(WorkflowException.AlreadySubmitted, again.Code);
        Assert.Equal(1, await InstanceCountAsync(host));

        // Withdrawn, the record is free again and may be submitted anew.
        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IWorkflowEngine>().WithdrawAsync(instance.Id, person, null);
            return true;
        });
        Assert.Null(await host.InScopeAsync(s => s.GetRequiredService<IRecordStore>().HeldAsync("product", product, person)));
        await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("product_review", "product", product, person));
        Assert.Equal(2, await InstanceCountAsync(host));
        var task = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowTasks.Where(t => t.IsOpen).SingleAsync());
        Assert.Equal(boss, task.Assignee);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task With_no_manager_set_the_submission_is_refused_by_name_and_nothing_is_kept(string provider)
    {
        var (host, person, _, product) = await ArrangeAsync(provider, withManager: false);
        await using var _ = host;

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => InEnglish(() => host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("product_review", "product", product, person))));
        var preview = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().PreviewSubmitAsync("product_review", "product", product, person));

        Assert.Equal((WorkflowException.NoManager, "Supervisor reviews"), (refused.Code, refused.Arguments.Single()));
        Assert.Equal(WorkflowException.NoManager, preview.Problem?.Code);
        Assert.Equal(0, await InstanceCountAsync(host));
        var record = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync("product", product));
        Assert.Equal("draft", record!["status"]);
        Assert.Null(await host.InScopeAsync(s => s.GetRequiredService<IRecordStore>().HeldAsync("product", product, person)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_record_of_another_entity_or_one_the_person_may_not_read_is_refused(string provider)
    {
        var (host, person, _, product) = await ArrangeAsync(provider);
        await using var _ = host;
        var stranger = new Actor("u-stranger", "stranger", null, new RecordAccess(false, [RecordPermissions.Name("product", RecordAction.Read, RecordScope.Own)]));

        var otherEntity = await Assert.ThrowsAsync<WorkflowException>(() => host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("product_review", "customer", product, person)));
        var unreadable = await Assert.ThrowsAsync<WorkflowException>(() => host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("product_review", "product", product, stranger)));

        Assert.Equal(WorkflowException.NotForEntity, otherEntity.Code);
        Assert.Equal(WorkflowException.NoSuchRecord, unreadable.Code);
        Assert.Equal(0, await InstanceCountAsync(host));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_approval_is_offered_only_while_its_submit_condition_holds_and_a_failing_condition_offers_nothing(string provider)
    {
        var (host, person, _, product) = await ArrangeAsync(provider);
        await using var _ = host;
        foreach (var (key, when) in new[] { ("draft_only", "record.status === 'draft'"), ("sale_only", "record.status === 'sale'"), ("broken", "record.code") })
        {
            var file = Approval.Replace("product_review", key, StringComparison.Ordinal)
                .Replace("platform:lockRecord=\"true\"", $"platform:lockRecord=\"true\" platform:submitWhen=\"{when}\"", StringComparison.Ordinal);
            Assert.Empty((await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(file), "admin"))).Problems);
        }

        var offered = await host.InScopeAsync(async s =>
        {
            var approvals = (await s.GetRequiredService<IWorkflowQueries>().ApprovalsForAsync("product", "zh-CN", CancellationToken.None)).Where(a => a.Key != "product_review").ToList();
            var record = await s.GetRequiredService<RecordStore>().GetAsync("product", product, actor: person);
            return await s.GetRequiredService<IWorkflowEngine>().SubmittableNowAsync(approvals, record!, person);
        });
        Assert.Equal(["draft_only"], offered.Select(a => a.Key));
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("sale_only", "product", product, person)));
        Assert.Equal(WorkflowException.NotSubmittableNow, refused.Code);
        await Assert.ThrowsAsync<Platform.Rules.ScriptFailureException>(() => host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("broken", "product", product, person)));
        await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("draft_only", "product", product, person));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_approval_for_an_unknown_entity_or_status_field_does_not_deploy(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));

        var noEntity = await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(
            Encoding.UTF8.GetBytes(Approval.Replace("platform:entity=\"product\"", "platform:entity=\"prodcut\"", StringComparison.Ordinal)), "admin"));
        var noField = await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(
            Encoding.UTF8.GetBytes(Approval.Replace("platform:statusField=\"status\"", "platform:statusField=\"state\"", StringComparison.Ordinal)), "admin"));

        Assert.Contains(noEntity.Problems, p => p.Message.Contains("prodcut", StringComparison.Ordinal));
        Assert.Contains(noField.Problems, p => p.Message.Contains("'state'", StringComparison.Ordinal));
        Assert.Empty(noEntity.Deployed.Concat(noField.Deployed));
    }
}
