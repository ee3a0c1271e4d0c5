using Platform.Core.Records;

namespace Platform.Core.Tests.Records;

/// <summary>Scopes granted together add up; one that covers another makes it go without saying.</summary>
public sealed class RecordAccessTests
{
    private static RecordAccess Granted(params string[] permissions) => new(false, permissions);

    [Fact]
    public void Scopes_that_cover_others_leave_only_what_adds_something()
    {
        Assert.Equal([RecordScope.All], Granted("Records.order.Read.Own", "Records.order.Read.All").ScopesOf("order", RecordAction.Read));
        Assert.Equal([RecordScope.DepartmentTree], Granted("Records.order.Read.Department", "Records.order.Read.DepartmentTree").ScopesOf("order", RecordAction.Read));
        Assert.Equal([RecordScope.Subordinates], Granted("Records.order.Read.Own", "Records.order.Read.Subordinates").ScopesOf("order", RecordAction.Read));
        Assert.Equal([RecordScope.Department, RecordScope.Subordinates], Granted("Records.order.Read.Subordinates", "Records.order.Read.Department").ScopesOf("order", RecordAction.Read));
        Assert.Empty(Granted("Records.order.Read.All").ScopesOf("order", RecordAction.Update));
    }

    [Fact]
    public void The_widest_scope_answers_whether_any_or_every_record_is_reached()
    {
        Assert.Equal(RecordScope.Department, Granted("Records.order.Update.Subordinates", "Records.order.Update.Department").ScopeOf("order", RecordAction.Update));
        Assert.Equal(RecordScope.None, Granted().ScopeOf("order", RecordAction.Read));
        Assert.Equal(RecordScope.All, RecordAccess.Everything.ScopeOf("order", RecordAction.Delete));
    }

    [Fact]
    public void Only_rights_that_follow_the_tree_need_the_persons_place_in_it()
    {
        Assert.False(Granted("Records.order.Read.Department", "Records.order.Read.Own").UsesOrgTree);
        Assert.True(Granted("Records.order.Read.Subordinates").UsesOrgTree);
        Assert.True(Granted("Records.quote.Delete.DepartmentTree").UsesOrgTree);
    }

    [Theory]
    [InlineData("Records.order.Read.Subordinates", "order")]
    [InlineData("Records.order.Delete.DepartmentTree", "order")]
    [InlineData("Records.order.Read.Everyone", null)]
    public void Permission_names_with_the_tree_scopes_are_record_permissions(string name, string? entity) =>
        Assert.Equal(entity, RecordPermissions.EntityOf(name));
}
