using Platform.Core.Metadata;
using Platform.RecordPages.Components.FieldEditors;

namespace Platform.Entities.Tests.Components;

public sealed class FieldEditorCatalogTests
{
    [Fact]
    public void Every_kind_with_a_value_of_its_own_has_an_editor() =>
        Assert.All(FieldTypes.All.Values.Where(k => k.HasColumn), kind => Assert.NotNull(FieldEditorCatalog.For(kind.Name)));

    [Fact]
    public void Editors_are_registered_only_for_kinds_that_exist() =>
        Assert.All(FieldEditorCatalog.Kinds, name => Assert.NotNull(FieldTypes.Find(name)));

    [Fact]
    public void Lines_are_edited_by_their_grid_not_by_a_field_editor() =>
        Assert.Null(FieldEditorCatalog.For(FieldTypes.Lines.Name));
}
