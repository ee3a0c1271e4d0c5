using System.Text.Json.Serialization;
using Platform.Core.Metadata;

namespace Platform.Workflows.Approvals;

/// <summary>One step of an approval chain: its id (the BPMN element id) and its name in each language.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ApproveStep), "approve")]
[JsonDerivedType(typeof(CopyStep), "copy")]
[JsonDerivedType(typeof(BranchStep), "branch")]
[JsonDerivedType(typeof(ActionStep), "action")]
public abstract class ApprovalStep
{
    public string Id { get; set; } = "";

    public LocalizedText Name { get; set; } = new();
}

/// <summary>Someone approves: one person, any one of several (or-sign), all of them (countersign), or whom a rule names.</summary>
public sealed class ApproveStep : ApprovalStep
{
    public PeopleChoice Who { get; set; } = new();

    public SignMode Mode { get; set; } = SignMode.One;

    /// <summary>What a rejection does: end the request as rejected, or send it back to the submitter to change and resubmit.</summary>
    public RejectionGoesTo OnReject { get; set; } = RejectionGoesTo.End;

    /// <summary>The record's fields the approver may correct at this step (a discount, a remark); none by default.</summary>
    public List<string> EditableFields { get; set; } = [];
}

/// <summary>A copy (抄送): the people are told, nobody has to act.</summary>
public sealed class CopyStep : ApprovalStep
{
    public PeopleChoice Who { get; set; } = new();
}

/// <summary>Condition branches: the first branch whose conditions all hold runs its steps, else the otherwise steps; then the chain goes on.</summary>
public sealed class BranchStep : ApprovalStep
{
    public List<ConditionBranch> Branches { get; set; } = [];

    public List<ApprovalStep> Otherwise { get; set; } = [];
}

/// <summary>One branch: its name, the conditions on the record's fields that must all hold, and its steps.</summary>
public sealed class ConditionBranch
{
    public LocalizedText Name { get; set; } = new();

    public List<FieldCondition> Conditions { get; set; } = [];

    public List<ApprovalStep> Steps { get; set; } = [];
}

/// <summary>Something the platform does by itself: set a field of the record, or create a record of another entity.</summary>
public sealed class ActionStep : ApprovalStep
{
    public ActionKind Action { get; set; } = ActionKind.SetField;

    /// <summary>For <see cref="ActionKind.SetField"/>: the field and its new value.</summary>
    public FieldValue? Set { get; set; }

    /// <summary>For <see cref="ActionKind.CreateRecord"/>: the entity of the new record and its values.</summary>
    public string? Entity { get; set; }

    public List<FieldValue> Values { get; set; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<SignMode>))]
public enum SignMode
{
    /// <summary>One person decides (with several named, any one of them takes it).</summary>
    One,

    /// <summary>Countersign (会签): every named person must approve; one rejection rejects.</summary>
    All,

    /// <summary>Or-sign (或签): the first named person to approve decides.</summary>
    Any,
}

[JsonConverter(typeof(JsonStringEnumConverter<RejectionGoesTo>))]
public enum RejectionGoesTo
{
    End,
    Submitter,
}

[JsonConverter(typeof(JsonStringEnumConverter<ActionKind>))]
public enum ActionKind
{
    SetField,
    CreateRecord,
}
