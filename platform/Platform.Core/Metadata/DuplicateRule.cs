namespace Platform.Core.Metadata;

/// <summary>
/// A duplicate check (查重) of an entity's records. <c>exact</c>: records whose <see cref="Fields"/> all hold the same value
/// once normalised — trimmed, full-width as half-width, case and spacing and punctuation ignored, phones by their digits,
/// company names without their legal form when <see cref="CompanyName"/> (华为技术有限公司 = 华为技术 = 华为技术（有限公司）).
/// <c>similar</c>: records whose one text field is alike by a score from 0 to 1 (shared character pairs) of at least
/// <see cref="Threshold"/>. A <c>warn</c> rule shows the matches while a form is filled in; a <c>block</c> rule also refuses
/// the save (and the row of an import) while a match exists. Records with an empty field are never compared.
/// </summary>
public sealed class DuplicateRule
{
    public const string Exact = "exact";
    public const string Similar = "similar";
    public const string Warn = "warn";
    public const string Block = "block";

    /// <summary>The score a similar rule asks for when it names none.</summary>
    public const double DefaultThreshold = 0.8;

    public static IReadOnlyList<string> Matches { get; } = [Exact, Similar];

    public static IReadOnlyList<string> Actions { get; } = [Warn, Block];

    public string Name { get; set; } = "";

    /// <summary>What the check is, as people read it beside a match (客户名称相同 / Same customer name).</summary>
    public LocalizedText Label { get; set; } = [];

    /// <summary>Exact: one to four fields, equal together; similar: one text field.</summary>
    public List<string> Fields { get; set; } = [];

    public string Match { get; set; } = Exact;

    /// <summary>Similar rules: the lowest score counted as a match, from 0.5 to 1.</summary>
    public double? Threshold { get; set; }

    public string Action { get; set; } = Warn;

    /// <summary>Text fields are company names: legal forms (有限公司, 有限责任公司, Co., Ltd., Inc., GmbH …) are left out before comparing.</summary>
    public bool CompanyName { get; set; }

    public bool Blocks => Action == Block;

    public bool IsSimilar => Match == Similar;

    public double ScoreNeeded => Threshold ?? DefaultThreshold;
}
