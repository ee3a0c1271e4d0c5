using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Printing.Models;
using Platform.Records.Reports;

namespace Platform.Printing.Services;

/// <summary>
/// The company documents print as theirs: what was saved on the company page (kept in the platform's saved-definitions table),
/// over the defaults under <c>Platform:Company</c> in the settings (<c>Platform__Company__Name=…</c>). Read for every page printed,
/// so it is kept for <see cref="Fresh"/> — a change saved on another host shows here within that time, on this host at once.
/// </summary>
public sealed class CompanySettings(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock)
{
    public const string Kind = "company";

    private const string Source = "company";

    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    /// <summary>The profile last read and when; replaced whole, so a print on another thread never sees half of it.</summary>
    private Kept? _kept;

    private sealed record Kept(CompanyProfile Profile, DateTimeOffset Read);

    /// <summary>The profile as saved, or the settings' defaults where nothing was saved.</summary>
    public async Task<CompanyProfile> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_kept is { } kept && clock.GetUtcNow() - kept.Read < Fresh)
        {
            return kept.Profile;
        }

        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ISavedReportStore>().FindFromPackageAsync(Kind, Source, cancellationToken);
        var profile = row is null ? Defaults() : JsonSerializer.Deserialize<CompanyProfile>(row.Definition, PrintTemplates.Json) ?? Defaults();
        _kept = new Kept(profile, clock.GetUtcNow());
        return profile;
    }

    /// <summary>Saves the profile; the logo, when given, must be a picture (see <see cref="LogoImage"/>).</summary>
    /// <exception cref="PrintRefusedException">A text too long, or a logo that is not a picture.</exception>
    public async Task SaveAsync(CompanyProfile profile, Actor actor, CancellationToken cancellationToken = default)
    {
        Check(profile);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISavedReportStore>();
        var row = await store.FindFromPackageAsync(Kind, Source, cancellationToken);
        if (row is null)
        {
            row = new SavedReport { Id = Guid.NewGuid(), Kind = Kind, Source = Source };
            store.Add(row);
        }

        (row.Label, row.Definition, row.UpdatedAt, row.UpdatedBy) = (Clip(profile.Name ?? ""), JsonSerializer.Serialize(profile, PrintTemplates.Json), clock.GetUtcNow(), actor.Name);
        await store.SaveChangesAsync(cancellationToken);
        _kept = new Kept(JsonSerializer.Deserialize<CompanyProfile>(row.Definition, PrintTemplates.Json)!, clock.GetUtcNow());
    }

    /// <summary>Forgets the profile kept, so that one saved by another way (an app package) prints at once.</summary>
    public void Forget() => _kept = null;

    /// <summary>Where the profile is kept among the saved definitions.</summary>
    internal const string Row = Source;

    /// <summary>The most characters of each text.</summary>
    public const int MostText = 500;

    /// <summary>Checks a profile before it is saved (here or by an app package), making its logo a clean picture address.</summary>
    /// <exception cref="PrintRefusedException">A text too long, or a logo that is not a picture.</exception>
    internal static void Check(CompanyProfile profile)
    {
        foreach (var (name, value) in profile.Values())
        {
            if (name != "logo" && value.Length > MostText)
            {
                throw new PrintRefusedException("Printing.Error.CompanyTextTooLong", $"'{name}' is longer than {MostText} characters.", name, MostText);
            }
        }

        if (profile.Logo is { Length: > 0 } logo)
        {
            // A logo saved again as it came: a picture's data: address, checked as an upload is.
            const string marker = ";base64,";
            var at = logo.IndexOf(marker, StringComparison.Ordinal);
            byte[] bytes;
            try
            {
                bytes = logo.StartsWith("data:image/", StringComparison.Ordinal) && at > 0 ? Convert.FromBase64String(logo[(at + marker.Length)..]) : [];
            }
            catch (FormatException)
            {
                bytes = [];
            }

            profile.Logo = LogoImage.DataAddress(bytes);
        }
    }

    private CompanyProfile Defaults()
    {
        var section = configuration.GetSection("Platform:Company");
        return new CompanyProfile
        {
            Name = section["Name"], Address = section["Address"], Phone = section["Phone"], Email = section["Email"], Website = section["Website"],
            Bank = section["Bank"], Account = section["Account"], TaxId = section["TaxId"],
        };
    }

    private static string Clip(string text) => text.Trim().Length > 100 ? text.Trim()[..100] : text.Trim();
}
