using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Bpmn.Storage;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinition>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinition> definition)
    {
        definition.ToTable("WorkflowDefinitions");
        definition.Property(d => d.ProcessKey).HasMaxLength(200);
        definition.Property(d => d.Name).HasMaxLength(400);
        definition.Property(d => d.Xml).IsRequired();
        definition.Property(d => d.Sha256).HasMaxLength(64);
        definition.Property(d => d.DeployedBy).HasMaxLength(256);
        definition.Property(d => d.Source).HasMaxLength(400);
        definition.HasIndex(d => new { d.ProcessKey, d.Version }).IsUnique();
    }
}
