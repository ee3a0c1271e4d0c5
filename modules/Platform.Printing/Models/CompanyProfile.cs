namespace Platform.Printing.Models;

/// <summary>
/// The company documents print as theirs: its name, address and contacts, the bank account customers pay into, its tax id (统一社会信用代码)
/// and its logo, a picture kept as a <c>data:</c> address so that printing loads nothing from anywhere.
/// </summary>
public sealed class CompanyProfile
{
    public string? Name { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? Bank { get; set; }

    public string? Account { get; set; }

    public string? TaxId { get; set; }

    /// <summary>The logo as <c>data:image/png;base64,…</c> (PNG, JPEG, GIF or WebP); null for none.</summary>
    public string? Logo { get; set; }

    /// <summary>Each text as a template reads it, by its snake_case name (<c>tax_id</c>), empty ones left out.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values() =>
        new (string Key, string? Value)[]
        {
            ("name", Name), ("address", Address), ("phone", Phone), ("email", Email), ("website", Website),
            ("bank", Bank), ("account", Account), ("tax_id", TaxId), ("logo", Logo),
        }.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => KeyValuePair.Create(v.Key, v.Value!.Trim()));
}
