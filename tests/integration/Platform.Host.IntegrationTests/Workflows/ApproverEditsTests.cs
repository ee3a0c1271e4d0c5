using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Entities;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;
using Platform.Workflows;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// A step of an approval may let its approver correct some fields of the record it holds
/// (<c>platform:editableFields</c>): the approver the step waits for changes those and nothing else —
/// even without the right to change the record otherwise — and may not delete it; everyone else,
/// the initiator included, stays held out; the deploy names fields the entity does not have.
/// </summary>
public sealed class ApproverEditsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Approval(string editable = "discount, notes") => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
          <process id="price_review" name="价格审核" platform:name-en="Price review" isExecutable="true"
                   platform:entity="product" platform:lockRecord="true">
            <startEvent id="s"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
            <userTask id="review" name="主管审核" platform:assigneeRule="initiatorManager" platform:editableFields="{editable}"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    private sealed record Arranged(PlatformHost Host, Actor Initiator, Actor Boss, Actor Colleague, Guid Product);

    private static async Task<Arranged> ArrangeAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var east = await Accounts.CreateDepartmentAsync(host, "华东");
        var boss = await Accounts.CreateUserInAsync(host, "boss", "Passw0rd!longer", east);
        var lin = await Accounts.CreateUserInAsync(host, "lin", "Passw0rd!longer", east);
        await Accounts.SetManagerAsync(host, east, boss);
        var deployed = await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(Approval()), "admin"));
        Assert.Empty(deployed.Problems);

        var initiator = new Actor(lin, "lin", east, new RecordAccess(true, []));
        // The manager may read products but not change them: only the step lets them.
        var readOnly = new RecordAccess(false, [RecordPermissions.Name("product", RecordAction.Read, RecordScope.All)]);
        var manager = new Actor(boss, "boss", east, readOnly);
        var colleague = new Actor("u-colleague", "colleague", east, new RecordAccess(true, []));
        var created = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product",
            new Dictionary<string, object?> { ["code"] = "A-1", ["price"] = 100m, ["discount"] = 0.1m, ["notes"] = "first" }, initiator));
        var product = (Guid)created.Record!["id"]!;
        await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().SubmitAsync("price_review", "product", product, initiator));
        return new Arranged(host, initiator, manager, colleague, product);
    }

    private static Task<RecordResult> ChangeAsync(Arranged at, Actor actor, Dictionary<string, object?> values) => at.Host.InScopeAsync(async s =>
    {
        var store = s.GetRequiredService<RecordStore>();
        var current = await store.GetAsync("product", at.Product);
        return await store.UpdateAsync("product", at.Product, Convert.ToInt32(current!["rowVersion"], CultureInfo.InvariantCulture), values, actor);
    });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_approver_the_step_waits_for_changes_the_fields_it_allows(string provider)
    {
        var at = await ArrangeAsync(provider);
        await using var _ = at.Host;

        var hold = await at.Host.InScopeAsync(s => s.GetRequiredService<IRecordStore>().HeldAsync("product", at.Product, at.Boss));
        var changed = await ChangeAsync(at, at.Boss, new() { ["discount"] = 0.05m, ["notes"] = "agreed at 5 %", ["code"] = "A-1", ["price"] = 100m });

        Assert.Equal(["discount", "notes"], hold!.Editable.Order(StringComparer.Ordinal));
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors.Select(e => e.Message)));
        var record = await at.Host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync("product", at.Product));
        Assert.Equal((0.05m, "agreed at 5 %"), (Convert.ToDecimal(record!["discount"], CultureInfo.InvariantCulture), record["notes"]));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_field_the_step_does_not_allow_is_refused_by_name_and_nothing_is_written(string provider)
    {
        var at = await ArrangeAsync(provider);
        await using var _ = at.Host;

        var refused = await ChangeAsync(at, at.Boss, new() { ["discount"] = 0.05m, ["price"] = 90m });

        Assert.Equal(RecordOutcome.Locked, refused.Outcome);
        Assert.Equal("price", Assert.Single(refused.Errors).Field);
        var record = await at.Host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync("product", at.Product));
        Assert.Equal((0.1m, 100m), (Convert.ToDecimal(record!["discount"], CultureInfo.InvariantCulture), Convert.ToDecimal(record["price"], CultureInfo.InvariantCulture)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Others_stay_held_out_and_nobody_deletes_the_held_record(string provider)
    {
        var at = await ArrangeAsync(provider);
        await using var _ = at.Host;

        var byInitiator = await ChangeAsync(at, at.Initiator, new() { ["discount"] = 0.2m });
        var byColleague = await ChangeAsync(at, at.Colleague, new() { ["notes"] = "mine" });
        var deleted = await at.Host.InScopeAsync(async s =>
        {
            var store = s.GetRequiredService<RecordStore>();
            var current = await store.GetAsync("product", at.Product);
            return await store.DeleteAsync("product", at.Product, Convert.ToInt32(current!["rowVersion"], CultureInfo.InvariantCulture), at.Boss);
        });

        Assert.Equal(RecordOutcome.Locked, byInitiator.Outcome);
        Assert.Equal(RecordOutcome.Locked, byColleague.Outcome);
        Assert.Equal(RecordOutcome.Forbidden, deleted.Outcome);
        var initiatorHold = await at.Host.InScopeAsync(s => s.GetRequiredService<IRecordStore>().HeldAsync("product", at.Product, at.Initiator));
        Assert.False(initiatorHold!.AllowsSome);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Once_the_step_is_approved_the_approver_may_change_nothing_more(string provider)
    {
        var at = await ArrangeAsync(provider);
        await using var _ = at.Host;
        var task = await at.Host.InScopeAsync(s => s.GetRequiredService<IWorkflowQueries>().OfferedToAsync(at.Boss, CancellationToken.None));

        await at.Host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IWorkflowEngine>().ApproveAsync(task.Single().Id, at.Boss, null, "ok");
            return true;
        });
        var after = await ChangeAsync(at, at.Boss, new() { ["discount"] = 0.01m });

        Assert.Equal(RecordOutcome.Forbidden, after.Outcome);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Deploying_a_step_that_allows_a_field_the_entity_lacks_is_refused_on_the_step(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));

        var deployed = await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(Approval("discount, rebate")), "admin"));

        var problem = Assert.Single(deployed.Problems);
        Assert.Equal(("review", BpmnProblem.UnknownEditableField, "rebate"), (problem.ElementId, problem.Code, problem.Arguments[1]));
        Assert.Empty(deployed.Deployed);
    }
}
