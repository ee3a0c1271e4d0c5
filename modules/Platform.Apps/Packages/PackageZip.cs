using System.IO.Compression;
using System.Text;
using Platform.Records.Packages;

namespace Platform.Apps.Packages;

/// <summary>
/// App packages as zip files: read with every entry's path checked (none may leave the package: no <c>..</c>, no absolute path) and
/// the sizes held to <see cref="PackageZipLimits"/> while unpacking; a zip of the package's folder (one folder at the top holding
/// <c>package.json</c>) reads as the folder's contents. Written with fixed times, so the same app zips to the same bytes.
/// </summary>
public static class PackageZip
{
    private static readonly string[] Documents = [".json", ".bpmn", ".liquid"];

    private static readonly DateTimeOffset Written = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<AppPackageFile> Read(Stream zip, string fileName, PackageZipLimits limits)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new PackageRefusedException("Apps.Error.NotZip", fileName);
        }

        using (archive)
        {
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (entries.Count > limits.MaxFiles)
            {
                throw new PackageRefusedException("Apps.Error.TooManyFiles", fileName, entries.Count, limits.MaxFiles);
            }

            foreach (var entry in entries)
            {
                var path = entry.FullName.Replace('\\', '/');
                if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Split('/').Any(part => part is ".." or "."))
                {
                    throw new PackageRefusedException("Apps.Error.PathEscapes", fileName, entry.FullName);
                }
            }

            var top = Top(entries.Select(e => e.FullName.Replace('\\', '/')).ToList());
            var files = new List<AppPackageFile>();
            var unpacked = 0L;
            foreach (var entry in entries)
            {
                var path = entry.FullName.Replace('\\', '/')[top.Length..];
                var picture = AppPackageFile.IsPicture(path);
                if (!picture && !Documents.Any(d => path.EndsWith(d, StringComparison.OrdinalIgnoreCase)))
                {
                    continue; // a README or the like: not part of the app
                }

                var bytes = Unpack(entry, fileName, limits, ref unpacked);
                files.Add(picture ? new AppPackageFile(path, "") { Bytes = bytes } : new AppPackageFile(path, Text(bytes, fileName, path)));
            }

            if (files.All(f => f.Path != "package.json"))
            {
                throw new PackageRefusedException("Apps.Error.NoManifest", fileName);
            }

            return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
        }
    }

    public static byte[] Write(IEnumerable<AppPackageFile> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var entry = archive.CreateEntry(file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = Written;
                using var content = entry.Open();
                content.Write(file.Bytes ?? Encoding.UTF8.GetBytes(file.Content));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The one folder every entry is in, when the package's folder itself was zipped (<c>crm/package.json</c>); else nothing.</summary>
    private static string Top(List<string> paths)
    {
        if (paths.Contains("package.json") || paths.Count == 0 || paths[0].IndexOf('/', StringComparison.Ordinal) is not (> 0 and var slash))
        {
            return "";
        }

        var top = paths[0][..(slash + 1)];
        return paths.All(p => p.StartsWith(top, StringComparison.Ordinal)) && paths.Contains(top + "package.json") ? top : "";
    }

    private static byte[] Unpack(ZipArchiveEntry entry, string fileName, PackageZipLimits limits, ref long unpacked)
    {
        using var content = entry.Open();
        using var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk)) > 0)
        {
            unpacked += read;
            if (unpacked > limits.MaxUnpackedBytes)
            {
                throw new PackageRefusedException("Apps.Error.TooLargeUnpacked", fileName, limits.MaxUnpackedBytes / (1024 * 1024));
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }

    private static string Text(byte[] bytes, string fileName, string path)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new PackageRefusedException("Apps.Error.NotUtf8", fileName, path);
        }
    }
}
