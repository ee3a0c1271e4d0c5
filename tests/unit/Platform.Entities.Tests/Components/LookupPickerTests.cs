using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.RecordPages.Components.Forms;
using Platform.RecordPages.Forms;

namespace Platform.Entities.Tests.Components;

public sealed class LookupPickerTests : FormComponentContext
{
    private static readonly FieldDefinition Customer = new() { Name = "customer", Type = "lookup", Target = "customer" };

    private string? _chosen = "unset";
    private string? _createdFrom;

    public LookupPickerTests()
    {
        Options.Items.AddRange([new("a", "华东贸易", "C-001"), new("b", "华北商贸", "C-002"), new("c", "西南实业", "C-003")]);
    }

    private IRenderedComponent<LookupPicker> Picker(string? value = null, bool withCreate = false) => Render<LookupPicker>(p =>
    {
        p.Add(c => c.Field, Customer).Add(c => c.Actor, new Actor("u1", "admin")).Add(c => c.Value, value).Add(c => c.TestId, "customer")
            .Add(c => c.ValueChanged, (string? key) => _chosen = key);
        if (withCreate)
        {
            p.Add(c => c.CreateNew, (string? text) => _createdFrom = text);
        }
    });

    [Fact]
    public void Shows_the_title_of_the_chosen_record()
    {
        Assert.Equal("华北商贸", Picker("b").Find("[data-testid=customer-input]").GetAttribute("value"));
    }

    [Fact]
    public void Opening_lists_the_first_page_and_typing_narrows_it_by_title_or_code()
    {
        var picker = Picker();
        picker.Find("input").Focus();
        Assert.Equal(3, picker.FindAll("[data-testid=lookup-option]").Count);

        picker.Find("input").Input("C-003");
        picker.WaitForAssertion(() => Assert.Single(picker.FindAll("[data-testid=lookup-option]")), TimeSpan.FromSeconds(5));

        Assert.Contains("西南实业", picker.Find("[data-testid=lookup-option]").TextContent, StringComparison.Ordinal);
        Assert.Equal("C-003", Options.Searches[^1]);
    }

    [Fact]
    public void Arrow_keys_and_enter_choose_an_option()
    {
        var picker = Picker();
        picker.Find("input").Focus();

        picker.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        picker.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("b", _chosen);
        Assert.Empty(picker.FindAll("[data-testid=lookup-option]"));
        Assert.Equal("华北商贸", picker.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void Clicking_an_option_chooses_it_and_clear_chooses_nothing()
    {
        var picker = Picker("a");
        picker.Find("input").Focus();
        picker.FindAll("[data-testid=lookup-option]")[2].MouseDown();
        Assert.Equal("c", _chosen);

        picker.Find("[data-testid=customer-clear]").Click();
        Assert.Null(_chosen);
    }

    [Fact]
    public void Nothing_found_says_so_and_create_new_starts_from_what_was_typed()
    {
        var picker = Picker(withCreate: true);
        picker.Find("input").Focus();
        picker.Find("input").Input("东方红");
        picker.WaitForAssertion(() => Assert.Contains("没有找到", picker.Find("[data-testid=customer-options]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        // On a busy machine the list can say "nothing found" (from opening) before the typed text is rendered back.
        picker.WaitForAssertion(() => Assert.Equal("东方红", picker.Find("input").GetAttribute("value")), TimeSpan.FromSeconds(5));

        picker.Find("[data-testid=customer-new]").Click();

        Assert.Equal("东方红", _createdFrom);
    }

    [Fact]
    public void A_read_only_picker_neither_opens_nor_offers_clear_or_create()
    {
        var picker = Render<LookupPicker>(p => p.Add(c => c.Field, Customer).Add(c => c.Actor, new Actor("u1", "admin")).Add(c => c.Value, "a")
            .Add(c => c.ReadOnly, true).Add(c => c.TestId, "customer").Add(c => c.CreateNew, (string? _) => { }));
        picker.Find("input").Focus();

        Assert.Empty(picker.FindAll("[data-testid=customer-options]"));
        Assert.Empty(picker.FindAll("[data-testid=customer-clear]"));
        Assert.Empty(picker.FindAll("[data-testid=customer-new]"));
    }
}
