using System.Text;
using System.Text.Json;
using Platform.Bpmn.Parsing;
using Platform.Core.Metadata;
using Platform.Workflows.Approvals;

namespace Platform.Bpmn.Tests;

/// <summary>
/// Every shape the approval designer builds compiles to BPMN the engine accepts and runs as the analyst
/// drew it: manager then finance above an amount with a copy to the department manager; countersign and
/// or-sign; a rejection back to the submitter; actions; nested and empty branches; managers levels up and
/// a role in the department — and the designer reopens exactly what it saved.
/// </summary>
public sealed class ApprovalChainTests
{
    /// <summary>费用报销: the manager approves; above 5000 finance (a role) approves too; the department manager gets a copy.</summary>
    public static ApprovalChain ExpenseClaim() => new()
    {
        Key = "expense_claim_approval",
        Name = LocalizedText.Of("费用报销审批", "Expense claim approval"),
        Entity = "expense_claim",
        StatusField = "status",
        StatusValues = new() { ["running"] = "submitted", ["completed"] = "approved", ["rejected"] = "rejected" },
        Steps =
        [
            new ApproveStep { Id = "manager", Name = LocalizedText.Of("经理审批", "Manager approves"), Who = new() { Kind = PeopleKind.Manager } },
            new BranchStep
            {
                Id = "amount",
                Name = LocalizedText.Of("金额", "Amount"),
                Branches =
                [
                    new ConditionBranch
                    {
                        Name = LocalizedText.Of("超过 5000", "Over 5000"),
                        Conditions = [new FieldCondition { Field = "amount", Operator = ConditionOperator.GreaterThan, Value = "5000", ValueKind = ValueKind.Number }],
                        Steps = [new ApproveStep { Id = "finance", Name = LocalizedText.Of("财务审批", "Finance approves"), Who = new() { Kind = PeopleKind.Role, Role = "Finance" } }],
                    },
                ],
            },
            new CopyStep { Id = "copy_manager", Name = LocalizedText.Of("抄送部门负责人", "Copy the department manager"), Who = new() { Kind = PeopleKind.DepartmentManager } },
        ],
    };

    private static WorkflowHarness Deployed(ApprovalChain chain, out ProcessModelView view)
    {
        var xml = Encoding.UTF8.GetString(ApprovalChainCompiler.Compile(chain));
        view = new ProcessModelView(xml);
        var harness = new WorkflowHarness().Deploy(xml);
        harness.Managers["initiator"] = "zhang";
        harness.Managers["owner"] = "dept-head";
        return harness;
    }

    [Fact]
    public void A_small_claim_needs_the_manager_only_and_the_department_manager_gets_a_copy()
    {
        var harness = Deployed(ExpenseClaim(), out _);
        harness.Record = new Dictionary<string, object?> { ["amount"] = 3000m };

        var claim = harness.Start("expense_claim_approval");
        Assert.Equal("zhang", Assert.Single(harness.Tasks(claim)).Assignee);
        harness.Approve("经理审批", actor: "zhang");

        Assert.Equal("completed", claim.Status);
        var copy = Assert.Single(harness.Performed);
        Assert.Equal("notify", copy.Action.Kind);
        Assert.Equal(["dept-head"], copy.To);
    }

    [Fact]
    public void A_large_claim_goes_on_to_finance_offered_to_the_role()
    {
        var harness = Deployed(ExpenseClaim(), out _);
        harness.Record = new Dictionary<string, object?> { ["amount"] = 8000m };

        var claim = harness.Start("expense_claim_approval");
        harness.Approve("经理审批", actor: "zhang");
        var finance = Assert.Single(harness.Tasks(claim));
        Assert.Equal(("财务审批", null), (finance.Name, finance.Assignee));
        Assert.Equal(["Finance"], finance.CandidateRoles);
        Assert.Empty(harness.Performed);
        harness.Approve("财务审批", actor: "qian");

        Assert.Equal("completed", claim.Status);
        Assert.Single(harness.Performed);
    }

    [Fact]
    public void A_rejection_by_finance_ends_the_claim_as_rejected_without_the_copy()
    {
        var harness = Deployed(ExpenseClaim(), out _);
        harness.Record = new Dictionary<string, object?> { ["amount"] = 8000m };

        var claim = harness.Start("expense_claim_approval");
        harness.Approve("经理审批", actor: "zhang");
        harness.Reject("财务审批", "No receipt", actor: "qian");

        Assert.Equal("rejected", claim.Status);
        Assert.Empty(harness.Performed);
    }

    [Fact]
    public void The_file_carries_names_in_both_languages_the_record_binding_and_a_diagram_for_every_element()
    {
        Deployed(ExpenseClaim(), out var view);

        var model = view.Model;
        Assert.Equal(("费用报销审批", "Expense claim approval"), (model.NameIn("zh-CN"), model.NameIn("en")));
        Assert.Equal(("财务审批", "Finance approves"), (model.Node("finance").LabelIn("zh-CN"), model.Node("finance").LabelIn("en")));
        Assert.Equal(("expense_claim", true, "status", "submitted"), (model.Binding.Entity, model.Binding.LockRecord, model.Binding.StatusField, model.Binding.ValueFor("running")));
        Assert.Equal("draft-free", model.Binding.ValueFor("draft-free"));
        var shapes = view.Shapes();
        Assert.All(model.Nodes, node => Assert.Contains(node.Id, shapes));
        Assert.Equal(view.FlowIds().Order(), view.Edges().Order());
        // Steps lie one below another: the manager above the gateway, the gateway above finance.
        Assert.True(view.Top("manager") < view.Top("amount") && view.Top("amount") < view.Top("finance") && view.Top("finance") < view.Top("copy_manager"));
    }

    [Fact]
    public void A_countersign_needs_every_named_person_and_one_rejection_rejects()
    {
        var chain = Single(new ApproveStep { Id = "sign", Name = LocalizedText.Of("会签", "Sign"), Mode = SignMode.All, Who = new() { Kind = PeopleKind.People, People = ["a", "b", "c"] } });
        var harness = Deployed(chain, out _);

        var all = harness.Start("chain");
        Assert.Equal(["a", "b", "c"], harness.Tasks(all).Select(t => t.Assignee));
        foreach (var task in harness.Tasks(all).Take(2).ToList())
        {
            harness.OnTask(task, (runner, id) => runner.ApproveAsync(id, null), task.Assignee!);
        }

        Assert.Null(all.Status);
        harness.OnTask(harness.Tasks(all).Single(), (runner, id) => runner.ApproveAsync(id, null), "c");
        Assert.Equal("completed", all.Status);

        var rejected = harness.Start("chain");
        harness.OnTask(harness.Tasks(rejected)[1], (runner, id) => runner.RejectAsync(id, "no", null), "b");
        Assert.Equal("rejected", rejected.Status);
    }

    [Fact]
    public void An_or_sign_is_decided_by_the_first_approval()
    {
        var chain = Single(new ApproveStep { Id = "sign", Mode = SignMode.Any, Who = new() { Kind = PeopleKind.People, People = ["a", "b"] } });
        var harness = Deployed(chain, out _);

        var any = harness.Start("chain");
        harness.OnTask(harness.Tasks(any)[1], (runner, id) => runner.ApproveAsync(id, null), "b");

        Assert.Equal("completed", any.Status);
        Assert.Empty(harness.Tasks(any));
    }

    [Fact]
    public void A_rejection_that_goes_back_to_the_submitter_lets_them_resubmit()
    {
        var chain = Single(new ApproveStep { Id = "check", Name = LocalizedText.Of("审核", "Check"), OnReject = RejectionGoesTo.Submitter, Who = new() { Kind = PeopleKind.People, People = ["li"] } });
        var harness = Deployed(chain, out _);

        var request = harness.Start("chain");
        harness.Reject("审核", "Attach the invoice", actor: "li");

        Assert.Null(request.Status);
        Assert.Equal("initiator", Assert.Single(harness.Tasks(request)).Assignee);
    }

    [Fact]
    public void The_fields_a_step_lets_its_approver_change_reach_the_engine_and_a_bad_name_is_refused()
    {
        var step = new ApproveStep { Id = "check", Name = LocalizedText.Of("审核", "Check"), EditableFields = ["discount", "remark"], Who = new() { Kind = PeopleKind.People, People = ["li"] } };
        Deployed(Single(step), out var view);

        Assert.Equal(["discount", "remark"], view.Model.Node("check").SettingsOf<Activities.Tasks.UserTaskSettings>()!.EditableFields);
        step.EditableFields = ["discount", "x; drop"];
        Assert.Contains(ApprovalChainCheck.Problems(Single(step)), p => p.StepId == "check" && p.Code == "Field");
    }

    [Fact]
    public void Actions_set_a_field_and_create_a_record_with_values_copied_from_the_submitted_one()
    {
        var chain = Single(
            new ApproveStep { Id = "check", Who = new() { Kind = PeopleKind.People, People = ["li"] } },
            new ActionStep { Id = "mark", Set = new FieldValue { Field = "paid", Value = "true", ValueKind = ValueKind.YesNo } },
            new ActionStep
            {
                Id = "voucher", Action = ActionKind.CreateRecord, Entity = "payment",
                Values = [new FieldValue { Field = "amount", FromField = "amount" }, new FieldValue { Field = "memo", Value = "reimbursement \"Q4\"" }],
            });
        var harness = Deployed(chain, out _);
        harness.Record = new Dictionary<string, object?> { ["amount"] = 120m };

        var request = harness.Start("chain");
        harness.Approve("check", actor: "li");

        Assert.Equal("completed", request.Status);
        Assert.Equal(["updateRecord", "createRecord"], harness.Performed.Select(p => p.Action.Kind));
        Assert.Equal(true, harness.Performed[0].Values["paid"]);
        Assert.Equal(("payment", 120m, "reimbursement \"Q4\""), (harness.Performed[1].Action.Entity, harness.Performed[1].Values["amount"], harness.Performed[1].Values["memo"]));
    }

    [Fact]
    public void A_branch_without_steps_goes_straight_on_and_branches_nest()
    {
        var chain = Single(new BranchStep
        {
            Id = "kind",
            Branches =
            [
                new ConditionBranch { Conditions = [new FieldCondition { Field = "category", Value = "travel" }] },
                new ConditionBranch
                {
                    Conditions = [new FieldCondition { Field = "category", Value = "equipment" }],
                    Steps =
                    [
                        new BranchStep
                        {
                            Id = "big",
                            Branches = [new ConditionBranch { Conditions = [new FieldCondition { Field = "amount", Operator = ConditionOperator.AtLeast, Value = "10000", ValueKind = ValueKind.Number }], Steps = [Person("cfo")] }],
                            Otherwise = [Person("it")],
                        },
                    ],
                },
            ],
            Otherwise = [Person("office")],
        });
        var harness = Deployed(chain, out _);

        Assert.Equal([], Run(harness, new() { ["category"] = "travel", ["amount"] = 50000m }));
        Assert.Equal(["cfo"], Run(harness, new() { ["category"] = "equipment", ["amount"] = 10000m }));
        Assert.Equal(["it"], Run(harness, new() { ["category"] = "equipment", ["amount"] = 9999m }));
        Assert.Equal(["office"], Run(harness, new() { ["category"] = "food", ["amount"] = null }));
    }

    [Fact]
    public void Managers_levels_up_and_the_holders_of_a_role_in_the_department_get_their_steps()
    {
        var chain = Single(
            new ApproveStep { Id = "grand", Name = LocalizedText.Of("二级主管", "Second-level manager"), Who = new() { Kind = PeopleKind.Manager, Level = 2 } },
            new ApproveStep { Id = "clerk", Name = LocalizedText.Of("部门文员", "Department clerk"), Who = new() { Kind = PeopleKind.RoleInDepartment, Role = "Clerk" } });
        var harness = Deployed(chain, out _);
        harness.Managers["zhang"] = "wang";
        harness.RoleHolders["Clerk"] = ["c1", "c2"];

        var request = harness.Start("chain");
        Assert.Equal("wang", Assert.Single(harness.Tasks(request)).Assignee);
        harness.Approve("二级主管", actor: "wang");

        var clerk = Assert.Single(harness.Tasks(request));
        Assert.Null(clerk.Assignee);
        Assert.Equal(["c1", "c2"], clerk.CandidateUsers);
    }

    [Fact]
    public void The_designer_reopens_what_it_saved_and_not_a_file_changed_in_the_modeler()
    {
        var chain = ExpenseClaim();
        var xml = Encoding.UTF8.GetString(ApprovalChainCompiler.Compile(chain));

        var reopened = ApprovalChainFile.Read(xml, chain.Key);
        var changed = ApprovalChainFile.Read(xml.Replace("camunda:candidateGroups=\"Finance\"", "camunda:candidateGroups=\"Audit\"", StringComparison.Ordinal), chain.Key);
        var foreign = ApprovalChainFile.Read(File.ReadAllText(Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "samples", "workflows", "sales_order_approval.bpmn")), "sales_order_approval");

        Assert.Null(reopened.Problem);
        Assert.Equal(JsonSerializer.Serialize(chain), JsonSerializer.Serialize(reopened.Chain));
        Assert.Equal(ApprovalChainReading.ChangedInModeler, changed.Problem);
        Assert.Equal(ApprovalChainReading.NotADesignerFile, foreign.Problem);
        // What the deploy step writes back (parsed and written again) still reopens.
        var rewritten = Encoding.UTF8.GetString(BpmnParser.Write(BpmnParser.Parse(Encoding.UTF8.GetBytes(xml))));
        Assert.Null(ApprovalChainFile.Read(rewritten, chain.Key).Problem);
    }

    [Fact]
    public void Values_are_quoted_for_scripts_and_names_that_are_not_plain_identifiers_are_refused()
    {
        var evil = Single(new BranchStep
        {
            Id = "b",
            Branches = [new ConditionBranch { Conditions = [new FieldCondition { Field = "name", Value = "x\" || true || \"" }], Steps = [Person("a")] }],
            Otherwise = [Person("b")],
        });
        var harness = Deployed(evil, out _);
        Assert.Equal(["b"], Run(harness, new() { ["name"] = "anything" }));

        var broken = Single(
            new ApproveStep { Id = "two words", Who = new() { Kind = PeopleKind.People } },
            new ApproveStep { Id = "sign", Mode = SignMode.All, Who = new() { Kind = PeopleKind.Role, Role = "Finance" } },
            new BranchStep { Id = "c", Branches = [new ConditionBranch { Conditions = [new FieldCondition { Field = "a.b", Value = "1" }, new FieldCondition { Field = "n", Value = "many", ValueKind = ValueKind.Number }] }] });
        broken.Key = "bad key";

        var codes = ApprovalChainCheck.Problems(broken).Select(p => (p.StepId, p.Code)).ToList();
        Assert.Equal([(null, "Key"), ("two words", "StepId"), ("two words", "NoPeople"), ("sign", "SignNeedsPeople"), ("c", "Field"), ("c", "Value")], codes);
        Assert.Throws<ArgumentException>(() => ApprovalChainCompiler.Compile(broken));
    }

    private static ApproveStep Person(string who) => new() { Id = "to_" + who, Who = new() { Kind = PeopleKind.People, People = [who] } };

    private static ApprovalChain Single(params ApprovalStep[] steps) => new() { Key = "chain", Name = LocalizedText.Of("链", "Chain"), Entity = "claim", Steps = [.. steps] };

    /// <summary>Starts the chain on a record with these values; whom the first tasks are for.</summary>
    private static List<string> Run(WorkflowHarness harness, Dictionary<string, object?> record)
    {
        harness.Record = record;
        var instance = harness.Start("chain");
        return [.. harness.Tasks(instance).Select(t => t.Assignee!)];
    }
}
