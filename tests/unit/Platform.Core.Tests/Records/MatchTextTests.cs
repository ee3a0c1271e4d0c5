using Platform.Core.Metadata;
using Platform.Core.Records.Duplicates;

namespace Platform.Core.Tests.Records;

/// <summary>How duplicate checks see values: the same company, phone or name written another way gives the same key.</summary>
public sealed class MatchTextTests
{
    [Theory]
    [InlineData("华为技术有限公司", "华为技术")]
    [InlineData("华为技术股份有限公司", "华为技术")]
    [InlineData("华为技术（有限公司）", "华为技术")]
    [InlineData("上海电气集团股份有限公司", "上海电气")]
    [InlineData("Acme Trading Co., Ltd.", "acmetrading")]
    [InlineData("ＡＣＭＥ  Trading", "acmetrading")]
    [InlineData("Siemens AG", "siemens")]
    [InlineData("公司", "公司")] // a name that is only a legal form keeps it
    [InlineData("Visa", "visa")] // a word ending like a legal form is left whole
    public void A_companys_name_is_compared_without_its_legal_form(string name, string compared) =>
        Assert.Equal(compared, MatchText.Company(name));

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("（010）1234-5678", "01012345678")]
    [InlineData("+86 10 1234 5678", "01012345678")]
    [InlineData("86123456", "86123456")] // a local number that begins like the country code
    public void A_phone_is_compared_by_its_digits_without_chinas_country_code(string written, string compared) =>
        Assert.Equal(compared, MatchText.Phone(written));

    [Fact]
    public void Similar_names_score_by_the_pairs_of_characters_they_share()
    {
        var a = MatchText.Pairs("深圳华为技术");
        Assert.Equal(1, MatchText.Similarity(a, MatchText.Pairs("深圳华为技术")));
        Assert.Equal(0.6, MatchText.Similarity(a, MatchText.Pairs("深圳华为科技")), 3);
        Assert.Equal(0, MatchText.Similarity(a, MatchText.Pairs("北京字节跳动")));
        Assert.Equal(["华"], MatchText.Pairs("华"));
        // The fewest shared pairs that can still reach the score: 5 pairs at 0.6 need 3 (2·3 / (5 + 5) = 0.6).
        Assert.Equal(3, MatchText.FewestShared(5, 0.6));
    }

    [Fact]
    public void A_key_joins_every_field_and_is_none_while_one_is_empty()
    {
        var contact = new EntityDefinition
        {
            Name = "contact",
            Fields = [new() { Name = "name", Type = "text" }, new() { Name = "customer", Type = "lookup", Target = "customer" }],
        };
        var rule = new DuplicateRule { Name = "same", Fields = ["name", "customer"] };
        var customer = Guid.NewGuid();
        Assert.Equal(MatchKeys.Of(contact, rule, new Dictionary<string, object?> { ["name"] = "王 伟", ["customer"] = customer }),
            MatchKeys.Of(contact, rule, new Dictionary<string, object?> { ["name"] = "王伟", ["customer"] = customer.ToString() }));
        Assert.Null(MatchKeys.Of(contact, rule, new Dictionary<string, object?> { ["name"] = "王伟", ["customer"] = null }));
        Assert.Null(MatchKeys.Of(contact, rule, new Dictionary<string, object?> { ["name"] = " ，", ["customer"] = customer }));
    }

    [Fact]
    public void A_rule_names_fields_it_can_compare()
    {
        var entity = new EntityDefinition
        {
            Name = "customer", Label = LocalizedText.Of("客户", "Customer"),
            Fields = [new() { Name = "name", Type = "text", Label = LocalizedText.Of("名称", "Name") }, new() { Name = "vip", Type = "boolean", Label = LocalizedText.Of("VIP", "VIP") }],
            Duplicates =
            [
                new() { Name = "a", Label = LocalizedText.Of("甲", "A"), Fields = ["vip"] },
                new() { Name = "b", Label = LocalizedText.Of("乙", "B"), Fields = ["name", "vip"], Match = "similar" },
                new() { Name = "c", Label = [], Fields = ["nothing"], Threshold = 0.9, Action = "shout" },
            ],
        };
        Assert.Equal(["dup.kind", "dup.fields.similar", "dup.label", "dup.action", "dup.threshold", "item.2"],
            MetadataValidator.Validate(entity).Select(p => p.Code));
    }
}
