using Platform.Core.Metadata;
using Platform.RecordPages.Views;

namespace Platform.Entities.Tests.Views;

public sealed class ViewFilterTests
{
    private static readonly EntityDefinition Order = new()
    {
        Name = "sales_order",
        Fields =
        [
            new() { Name = "orderNumber", Type = "autoNumber" },
            new() { Name = "customer", Type = "lookup", Target = "customer" },
            new() { Name = "orderDate", Type = "date" },
            new() { Name = "status", Type = "choice", Choices = [new() { Value = "draft" }, new() { Value = "submitted" }] },
            new() { Name = "tags", Type = "multiChoice", Choices = [new() { Value = "vip" }, new() { Value = "export" }] },
            new() { Name = "discount", Type = "percent" },
            new() { Name = "total", Type = "computed", ResultType = "money" },
            new() { Name = "urgent", Type = "boolean" },
            new() { Name = "owner", Type = "user" },
            new() { Name = "lines", Type = "lines", Target = "sales_order_line" },
            new() { Name = "notes", Type = "longText", Removed = true },
        ],
    };

    private static string? Filter(params ViewCondition[] conditions) => ViewFilter.ToOData(Order, conditions);

    private static ViewCondition When(string field, string op, string? value = null) => new() { Field = field, Operator = op, Value = value };

    [Fact]
    public void No_conditions_filter_nothing() => Assert.Null(Filter());

    [Fact]
    public void Conditions_all_hold_each_in_its_own_parentheses() =>
        Assert.Equal("(total ge 300) and (status eq 'draft')", Filter(When("total", "ge", "300"), When("status", "eq", "draft")));

    [Fact]
    public void Text_searches_ignore_case_and_quotes_cannot_break_out() =>
        Assert.Equal("(contains(tolower(orderNumber),'so-''1'))", Filter(When("orderNumber", "contains", "SO-'1")));

    [Fact]
    public void Values_are_written_as_their_type_reads()
    {
        var customer = Guid.NewGuid();
        Assert.Equal("(orderDate lt 2026-03-05)", Filter(When("orderDate", "lt", "2026-03-05")));
        Assert.Equal("(discount gt 0.15)", Filter(When("discount", "gt", "0.15")));
        Assert.Equal($"(customer eq {customer})", Filter(When("customer", "eq", customer.ToString())));
        Assert.Equal("(urgent eq true)", Filter(When("urgent", "eq", "true")));
        Assert.Equal("(owner ne 'u-1')", Filter(When("owner", "ne", "u-1")));
    }

    [Fact]
    public void Empty_and_not_empty_need_no_value() =>
        Assert.Equal("(customer eq null) and (orderDate ne null)", Filter(When("customer", "empty"), When("orderDate", "notEmpty")));

    [Fact]
    public void A_multi_choice_holds_a_value_anywhere_in_its_list_but_not_a_longer_one() =>
        Assert.Equal("(tags eq 'vip' or startswith(tags,'vip,') or endswith(tags,',vip') or contains(tags,',vip,'))", Filter(When("tags", "contains", "vip")));

    [Theory]
    [InlineData("notes", "contains", "x", "RecordPages.Views.Error.NoField")]
    [InlineData("nothing", "eq", "x", "RecordPages.Views.Error.NoField")]
    [InlineData("lines", "eq", "x", "RecordPages.Views.Error.Operator")]
    [InlineData("status", "gt", "draft", "RecordPages.Views.Error.Operator")]
    [InlineData("total", "eq", "a lot", "RecordPages.Views.Error.BadValue")]
    [InlineData("orderDate", "eq", "2026年3月5日", "RecordPages.Views.Error.BadValue")]
    [InlineData("customer", "eq", "not-an-id", "RecordPages.Views.Error.BadValue")]
    [InlineData("total", "ge", " ", "RecordPages.Views.Error.NoValue")]
    [InlineData("total", "ge); drop table x; --", "1", "RecordPages.Views.Error.Operator")]
    public void Refuses_what_the_field_does_not_offer_naming_the_reason(string field, string op, string value, string reason) =>
        Assert.Equal(reason, Assert.Throws<ViewProblemException>(() => Filter(When(field, op, value))).Key);

    [Fact]
    public void Offers_operators_by_the_kind_of_field()
    {
        Assert.Contains("contains", ViewFilter.OperatorsFor(Order.Field("orderNumber")!));
        Assert.DoesNotContain("gt", ViewFilter.OperatorsFor(Order.Field("status")!));
        Assert.Contains("le", ViewFilter.OperatorsFor(Order.Field("total")!));
        Assert.Empty(ViewFilter.OperatorsFor(Order.Field("lines")!));
    }

    [Fact]
    public void A_view_is_checked_whole_before_it_is_saved()
    {
        var view = new ViewDefinition
        {
            Label = "",
            Columns = ["orderNumber", "ghost"],
            SortBy = "lines",
            Conditions = [When("total", "ge", "x")],
            Layout = ViewDefinition.KanbanLayout,
            GroupBy = "orderDate",
            ColourBy = "urgent",
        };

        var reasons = ViewCheck.Problems(Order, view).Select(p => p.Key).ToList();

        Assert.Equal(["RecordPages.Views.Error.Label", "RecordPages.Views.Error.NoField", "RecordPages.Views.Error.NoField", "RecordPages.Views.Error.BadValue",
            "RecordPages.Views.Error.GroupBy", "RecordPages.Views.Error.ColourBy"], reasons);
        Assert.Empty(ViewCheck.Problems(Order, new ViewDefinition { Label = "大单", Columns = ["orderNumber"], Layout = ViewDefinition.KanbanLayout, GroupBy = "status", ColourBy = "status" }));
    }
}
