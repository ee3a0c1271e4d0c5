using Bunit;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.RecordPages.Components.Lists;
using Platform.Entities.Tests.Forms;

namespace Platform.Entities.Tests.Components;

public sealed class FilterBuilderTests : FormComponentContext
{
    private readonly List<ViewCondition> _conditions = [];
    private int _applied;

    private IRenderedComponent<FilterBuilder> Builder() => Render<FilterBuilder>(p => p.Add(b => b.Entity, SalesOrderModel.Order).Add(b => b.Conditions, _conditions)
        .Add(b => b.Actor, new Actor("u1", "admin")).Add(b => b.Apply, () => _applied++));

    [Fact]
    public void Adding_a_condition_starts_with_the_first_filterable_field_and_its_first_operator()
    {
        var builder = Builder();

        builder.Find("[data-testid=filter-add]").Click();

        var condition = Assert.Single(_conditions);
        Assert.Equal(("orderNumber", "contains"), (condition.Field, condition.Operator));
        Assert.Single(builder.FindAll("[data-testid=filter-condition]"));
    }

    [Fact]
    public void Conditions_that_read_are_applied_and_one_without_its_value_is_named_instead()
    {
        _conditions.Add(new ViewCondition { Field = "total", Operator = "ge" });
        var builder = Builder();

        builder.Find("[data-testid=filter-apply]").Click();
        Assert.Equal(0, _applied);
        Assert.Contains("需要填写值", builder.Find("[data-testid=filter-problem]").TextContent, StringComparison.Ordinal);

        _conditions[0].Value = "300";
        builder.Find("[data-testid=filter-apply]").Click();
        Assert.Equal(1, _applied);
        Assert.Empty(builder.FindAll("[data-testid=filter-problem]"));
    }

    [Fact]
    public void Removing_a_condition_takes_it_out_of_the_view()
    {
        _conditions.AddRange([new ViewCondition { Field = "total", Operator = "ge", Value = "1" }, new ViewCondition { Field = "notes", Operator = "empty" }]);
        var builder = Builder();

        builder.FindAll("[data-testid=filter-remove]")[0].Click();

        Assert.Equal("notes", Assert.Single(_conditions).Field);
    }
}
