using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Records.Query;

namespace Platform.Entities.Tests.Views;

/// <summary>A list's search box looks through the text fields a person may see: a match in a hidden one would tell its value.</summary>
public sealed class ListSearchTests
{
    private static readonly EntityDefinition Customer = new()
    {
        Name = "customer",
        Fields =
        [
            new() { Name = "name", Type = "text" },
            new() { Name = "bankAccount", Type = "text", Secured = true },
            new() { Name = "agent", Type = "lookup", Target = "agent", Secured = true },
        ],
    };

    [Fact]
    public void Hidden_text_and_lookup_fields_are_left_out_of_the_search()
    {
        var matches = new Dictionary<string, IReadOnlyCollection<string>> { ["agent"] = [Guid.Empty.ToString()] };
        var hidden = FieldAccess.Of(Customer, new RecordAccess(false, []));

        Assert.Equal("contains(tolower(name),'6222')", RecordQueries.Search(Customer, "6222", matches, hidden));
        Assert.Contains("bankAccount", RecordQueries.Search(Customer, "6222", matches, FieldAccess.Open), StringComparison.Ordinal);
        Assert.Contains("agent in", RecordQueries.Search(Customer, "6222", matches, FieldAccess.Open), StringComparison.Ordinal);
    }
}
