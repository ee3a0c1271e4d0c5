namespace Platform.Core.Metadata;

/// <summary>
/// Submittable documents (ERPNext's docstatus): a record of an entity marked <see cref="EntityDefinition.Submittable"/> is a
/// draft until submitted, then read-only; cancelling marks it void (its effects reversed, nothing deleted); amending copies a
/// cancelled one into a new draft that remembers it. The two fields that say so are added to the entity when it is saved.
/// </summary>
public static class DocumentStatus
{
    /// <summary>The field holding where the document stands: <see cref="Draft"/>, <see cref="Submitted"/> or <see cref="Cancelled"/>.</summary>
    public const string Field = "docStatus";

    /// <summary>The field pointing at the cancelled document this one amends.</summary>
    public const string AmendedFrom = "amendedFrom";

    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Cancelled = "cancelled";

    /// <summary>Adds the status and amended-from fields to a submittable entity that lacks them (the first time it is saved as one).</summary>
    public static void Complete(EntityDefinition entity)
    {
        if (!entity.Submittable)
        {
            return;
        }

        if (entity.Field(Field) is null)
        {
            entity.Fields.Add(new FieldDefinition
            {
                Name = Field,
                Type = FieldTypes.Choice.Name,
                Label = LocalizedText.Of("单据状态", "Document status"),
                Default = $"'{Draft}'",
                ReadOnlyWhen = "true",
                Indexed = true,
                Choices =
                [
                    new ChoiceOption { Value = Draft, Label = LocalizedText.Of("草稿", "Draft"), Color = "#757575" },
                    new ChoiceOption { Value = Submitted, Label = LocalizedText.Of("已提交", "Submitted"), Color = "#1565c0" },
                    new ChoiceOption { Value = Cancelled, Label = LocalizedText.Of("已作废", "Cancelled"), Color = "#c62828" },
                ],
            });
        }

        if (entity.Field(AmendedFrom) is null)
        {
            entity.Fields.Add(new FieldDefinition
            {
                Name = AmendedFrom,
                Type = FieldTypes.Lookup.Name,
                Target = entity.Name,
                OnDelete = "setNull",
                Label = LocalizedText.Of("修订自", "Amended from"),
                ReadOnlyWhen = "true",
                VisibleWhen = $"!!record.{AmendedFrom}",
            });
        }
    }
}
