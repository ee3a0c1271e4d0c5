using Microsoft.Extensions.Configuration;

namespace Platform.Apps.Packages;

/// <summary>
/// How large an uploaded package may be (<c>Platform:Apps:MaxPackageMegabytes</c>, 50 by default), how much it may unpack to
/// (<c>Platform:Apps:MaxUnpackedMegabytes</c>, 200) and how many files it may hold (5,000) — a zip that would unpack into a
/// bomb is stopped while it is read.
/// </summary>
public sealed record PackageZipLimits(long MaxBytes, long MaxUnpackedBytes, int MaxFiles)
{
    public static PackageZipLimits Read(IConfiguration configuration) => new(
        configuration.GetValue("Platform:Apps:MaxPackageMegabytes", 50L) * 1024 * 1024,
        configuration.GetValue("Platform:Apps:MaxUnpackedMegabytes", 200L) * 1024 * 1024,
        configuration.GetValue("Platform:Apps:MaxFiles", 5000));
}
