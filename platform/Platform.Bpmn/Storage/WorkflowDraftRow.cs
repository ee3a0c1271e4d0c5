using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Bpmn.Storage;

/// <summary>A modeler's draft in its table: one per process key, with the version its next save must name.</summary>
public sealed class WorkflowDraftRow
{
    public string ProcessKey { get; set; } = "";

    public string Xml { get; set; } = "";

    public string SavedBy { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public int Version { get; set; }
}

internal sealed class WorkflowDraftConfiguration : IEntityTypeConfiguration<WorkflowDraftRow>
{
    public void Configure(EntityTypeBuilder<WorkflowDraftRow> draft)
    {
        draft.ToTable("WorkflowDrafts");
        draft.HasKey(d => d.ProcessKey);
        draft.Property(d => d.ProcessKey).HasMaxLength(200);
        draft.Property(d => d.SavedBy).HasMaxLength(256);
        draft.Property(d => d.Version).IsConcurrencyToken();
    }
}
