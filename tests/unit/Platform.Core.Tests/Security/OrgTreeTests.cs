using Platform.Core.Security;

namespace Platform.Core.Tests.Security;

/// <summary>
/// Who reports to whom, as "my subordinates" and "department and sub-departments" scopes read it: a person's manager is their
/// department's manager, or for the manager (or a department without one) the manager of the nearest department above.
/// </summary>
public sealed class OrgTreeTests
{
    // 销售部 (director Zhou) ⊃ 华东 (lead Bob: Alice, Dan) ⊃ 上海 (no manager: Eve); 销售部 ⊃ 华南 (lead Fay, who sits in 销售部: Gus);
    // 财务部 (manager Kim, Lou) stands apart; 外包 (managed by Dan, under 财务部: Ned).
    private static readonly OrgTree Tree = new(
        [("sales", null, "zhou"), ("east", "sales", "bob"), ("shanghai", "east", null), ("south", "sales", "fay"), ("finance", null, "kim"), ("outsourced", "finance", "dan")],
        [("zhou", "sales"), ("bob", "east"), ("alice", "east"), ("dan", "east"), ("eve", "shanghai"), ("fay", "sales"), ("gus", "south"), ("kim", "finance"), ("lou", "finance"), ("ned", "outsourced"), ("nobody", null)]);

    [Theory]
    [InlineData("alice", "bob")]
    [InlineData("bob", "zhou")]
    [InlineData("eve", "bob")]
    [InlineData("gus", "fay")]
    [InlineData("fay", "zhou")]
    [InlineData("zhou", null)]
    [InlineData("ned", "dan")]
    [InlineData("nobody", null)]
    [InlineData("stranger", null)]
    public void A_persons_manager_is_their_departments_or_the_nearest_above(string person, string? manager) =>
        Assert.Equal(manager, Tree.ManagerOf(person));

    [Fact]
    public void Subordinates_are_everyone_whose_chain_leads_up_to_the_person()
    {
        Assert.Equal(["alice", "bob", "dan", "eve", "fay", "gus", "ned"], Tree.SubordinatesOf("zhou").Order());
        Assert.Equal(["alice", "dan", "eve", "ned"], Tree.SubordinatesOf("bob").Order()); // Ned's department hangs under finance, but he reports to Dan
        Assert.Equal(["lou"], Tree.SubordinatesOf("kim").Order()); // Ned reports to Dan, not to the head of the department above his
        Assert.Empty(Tree.SubordinatesOf("alice"));
    }

    [Fact]
    public void A_department_tree_is_the_department_and_every_one_below_it()
    {
        Assert.Equal(["east", "sales", "shanghai", "south"], Tree.TreeOf("sales").Order());
        Assert.Equal(["east", "shanghai"], Tree.TreeOf("east").Order());
        Assert.Empty(Tree.TreeOf(null));
    }

    [Fact]
    public void A_position_names_the_subordinates_departments_and_the_tree()
    {
        var bob = Tree.PositionOf("bob", "east");

        Assert.Equal(["east", "outsourced", "shanghai"], bob.SubordinateDepartments.Order());
        Assert.Equal(["east", "shanghai"], bob.DepartmentTree.Order());
    }

    [Fact]
    public void Departments_named_in_a_loop_end_the_walk_instead_of_running_forever()
    {
        var looped = new OrgTree([("a", "b", null), ("b", "a", null)], [("pat", "a")]);

        Assert.Null(looped.ManagerOf("pat"));
        Assert.Equal(["a", "b"], looped.TreeOf("a").Order());
        Assert.Empty(looped.SubordinatesOf("pat"));
    }
}
