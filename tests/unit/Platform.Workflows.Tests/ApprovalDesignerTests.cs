using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Records.People;
using Platform.Web.Localization;
using Platform.Workflows.Approvals;
using Platform.Workflows.Components.ApprovalDesigner;
using Radzen;

namespace Platform.Workflows.Tests;

/// <summary>
/// The approval designer's editing, as an analyst clicks through it: adding steps between others,
/// moving and removing them, branches with their own steps and conditions, and the summary each card
/// shows — on the real components with the module's Chinese texts.
/// </summary>
public sealed class ApprovalDesignerTests : BunitContext
{
    private readonly CultureInfo _savedCulture = CultureInfo.CurrentUICulture;

    public ApprovalDesignerTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddSingleton<IStringLocalizer>(new CatalogStringLocalizer(new LocalizationCatalog([typeof(Startup).Assembly, typeof(LocalizationCatalog).Assembly])));
    }

    private static DesignerState NewState() => new(new ApprovalChain
    {
        Key = "expense_approval",
        Entity = "expense_claim",
        Name = LocalizedText.Of("费用报销审批", "Expense approval"),
        Steps = [new ApproveStep { Id = "approve_1", Name = LocalizedText.Of("上级审批", "Manager approves") }],
    })
    {
        Fields = [new DesignerField("amount", "金额", ValueKind.Number, false, []), new DesignerField("reason", "事由", ValueKind.Text, false, [])],
        Roles = ["Finance", "Sales manager"],
        People = [new DirectoryEntry("u-1", "李经理", "li"), new DirectoryEntry("u-2", "钱会计", "qian")],
    };

    private IRenderedComponent<Designer> Render(DesignerState state) =>
        Render<Designer>(p => p.Add(d => d.State, state).Add(d => d.Entities, [("payment", "付款")]));

    private static List<string> StepIds(IRenderedComponent<Designer> designer) =>
        [.. designer.FindAll("[data-testid=step]").Select(e => e.GetAttribute("data-step")!)];

    [Fact]
    public void A_step_added_between_two_others_lands_there_selected_and_named_in_both_languages()
    {
        var state = NewState();
        var designer = Render(state);

        designer.FindAll("[data-testid=add-step]")[1].Click();
        designer.Find("[data-testid=add-copy]").Click();
        designer.FindAll("[data-testid=add-step]")[1].Click();
        designer.Find("[data-testid=add-approve]").Click();

        Assert.Equal(["approve_1", "approve_2", "copy_1"], StepIds(designer));
        Assert.Same(state.Chain.Steps[1], state.Selected);
        Assert.Equal(("审批 2", "Approval 2"), (state.Chain.Steps[1].Name["zh-CN"], state.Chain.Steps[1].Name["en"]));
        Assert.Equal("审批人", designer.Find("[data-testid=step-panel] h2").TextContent);
        Assert.True(state.HasChanges);
    }

    [Fact]
    public void Steps_move_within_their_list_and_stop_at_its_ends()
    {
        var state = NewState();
        state.Add(state.Chain.Steps, 1, NewStepKind.Copy);
        state.Add(state.Chain.Steps, 2, NewStepKind.Action);
        var designer = Render(state);

        designer.Find("[data-step=action_1] [data-testid=step-up]").Click();
        Assert.Equal(["approve_1", "action_1", "copy_1"], StepIds(designer));
        designer.Find("[data-step=approve_1] [data-testid=step-up]").Click();
        Assert.Equal(["approve_1", "action_1", "copy_1"], StepIds(designer));
        designer.Find("[data-step=approve_1] [data-testid=step-down]").Click();
        Assert.Equal(["action_1", "approve_1", "copy_1"], StepIds(designer));
    }

    [Fact]
    public void Removing_a_branch_removes_the_steps_inside_it_and_clears_the_selection()
    {
        var state = NewState();
        var designer = Render(state);
        designer.FindAll("[data-testid=add-step]")[1].Click();
        designer.Find("[data-testid=add-branch]").Click();
        // Inside the first branch's column: its own "+" adds a step there, not to the main chain.
        designer.Find("[data-testid=branch-column] [data-testid=add-step]").Click();
        designer.Find("[data-testid=add-approve]").Click();

        var branch = Assert.IsType<BranchStep>(state.Chain.Steps[1]);
        Assert.Equal("approve_2", Assert.Single(branch.Branches[0].Steps).Id);
        Assert.Equal(2, state.Chain.Steps.Count);

        designer.Find("[data-step=branch_1] [data-testid=step-remove]").Click();
        Assert.Equal(["approve_1"], StepIds(designer));
        Assert.Null(state.Selected);
        Assert.DoesNotContain(state.Chain.AllSteps(), s => s.Id == "approve_2");
    }

    [Fact]
    public void A_branch_takes_conditions_and_more_branches_and_keeps_at_least_one()
    {
        var state = NewState();
        var designer = Render(state);
        designer.FindAll("[data-testid=add-step]")[1].Click();
        designer.Find("[data-testid=add-branch]").Click();
        var branch = Assert.IsType<BranchStep>(state.Chain.Steps[1]);

        designer.Find("[data-testid=branch-condition]").Click();
        designer.Find("[data-testid=condition-add]").Click();
        Assert.Equal(("amount", ConditionOperator.GreaterThan, ValueKind.Number), (branch.Branches[0].Conditions[0].Field, branch.Branches[0].Conditions[0].Operator, branch.Branches[0].Conditions[0].ValueKind));
        branch.Branches[0].Conditions[0].Value = "5000";
        state.Edited();
        Assert.Contains("金额 大于 5000", designer.Find("[data-testid=branch-condition]").TextContent, StringComparison.Ordinal);

        Assert.Empty(designer.FindAll("[data-testid=branch-remove]"));
        designer.Find("[data-testid=branch-add]").Click();
        Assert.Equal(2, branch.Branches.Count);
        Assert.Equal(3, designer.FindAll("[data-testid=branch-column]").Count); // two conditions and "otherwise"
        designer.FindAll("[data-testid=branch-remove]")[1].Click();
        Assert.Single(branch.Branches);
    }

    [Fact]
    public void Cards_say_whom_a_step_is_for_and_how_they_sign()
    {
        var state = NewState();
        var approve = (ApproveStep)state.Chain.Steps[0];
        approve.Who = new PeopleChoice { Kind = PeopleKind.People, People = ["li", "qian"] };
        approve.Mode = SignMode.All;
        state.Chain.Steps.Add(new CopyStep { Id = "copy_1", Name = LocalizedText.Of("抄送", "Copy"), Who = new PeopleChoice { Kind = PeopleKind.Manager, Level = 2 } });
        state.Chain.Steps.Add(new ActionStep { Id = "action_1", Set = new FieldValue { Field = "reason", Value = "已审" } });
        var designer = Render(state);

        var summaries = designer.FindAll("[data-testid=step-summary]").Select(e => e.TextContent).ToList();

        Assert.Equal(["李经理、钱会计（会签）", "抄送：发起人的第 2 级上级", "设置 事由 = 已审"], summaries);
    }

    [Fact]
    public void Problems_of_a_save_mark_their_steps_and_show_in_their_panel()
    {
        var state = NewState();
        ((ApproveStep)state.Chain.Steps[0]).Who = new PeopleChoice { Kind = PeopleKind.Role };
        state.Problems = ApprovalChainCheck.Problems(state.Chain);
        var designer = Render(state);

        state.Select(state.Chain.Steps[0]);

        Assert.Contains("approval-card--problem", designer.Find("[data-step=approve_1]").ClassName, StringComparison.Ordinal);
        Assert.EndsWith("请选择角色。", designer.Find("[data-testid=step-problem]").TextContent, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _savedCulture;
        base.Dispose(disposing);
    }
}
