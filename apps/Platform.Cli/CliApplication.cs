using System.Reflection;
using Platform.Abstractions.Configuration;
using Platform.Cli.Commands;

namespace Platform.Cli;

/// <summary>
/// The <c>platform</c> command. Reads configuration the way the host does (appsettings.json in the
/// content root, <c>Platform__…</c> environment variables, <c>--Key=value</c> arguments).
/// </summary>
public static class CliApplication
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (list, settings) = CliArguments.Split(args);
        var words = list.ToArray();
        try
        {
            switch (words)
            {
                case ["--version"] or ["version"]:
                    await output.WriteLineAsync($"platform {Version}");
                    return Ok;
                case [] or ["--help"] or ["help"] or ["-h"]:
                    await output.WriteAsync(Help);
                    return words.Length == 0 ? Usage : Ok;
                case ["users", "reset-password", var userName, .. var rest]:
                    return await ResetPasswordCommand.RunAsync(userName, rest, settings, output, error);
                case ["package", "apply", var folder, .. var rest]:
                    return await PackageCommands.ApplyAsync(folder, rest, settings, output, error);
                case ["package", "samples", var folder, .. var rest]:
                    return await PackageCommands.SamplesAsync(folder, rest, settings, output, error);
                case ["package", "export", var folder, .. var rest]:
                    return await PackageCommands.ExportAsync(folder, rest, settings, output, error);
                case ["package", "uninstall", var name, .. var rest]:
                    return await PackageCommands.UninstallAsync(name, rest, settings, output, error);
                case ["backup", var file, .. var rest]:
                    return await BackupCommands.BackupAsync(file, rest, settings, output, error);
                case ["restore", var file, .. var rest]:
                    return await BackupCommands.RestoreAsync(file, rest, settings, output, error);
                case ["files", "move", .. var rest]:
                    return await FileCommands.MoveAsync(rest, settings, output, error);
                case ["files", "sweep", .. var rest]:
                    return await FileCommands.SweepAsync(rest, settings, output, error);
                case ["ocr", "worker", .. var rest]:
                    return await OcrCommands.WorkerAsync(rest, Console.In, output, error);
                case ["ocr", "recognize", .. var rest]:
                    return await OcrCommands.RecognizeAsync(rest, output, error);
                case ["ocr", "corpus", .. var rest]:
                    return await OcrCommands.CorpusAsync(rest, output, error);
                case ["ocr", "digit-samples", .. var rest]:
                    return await OcrCommands.DigitSamplesAsync(rest, output, error);
                case ["ocr", "blank", .. var rest]:
                    return await OcrCommands.BlankAsync(rest, output, error);
                default:
                    await error.WriteLineAsync($"Unknown command: {string.Join(' ', words)}");
                    await error.WriteAsync(Help);
                    return Usage;
            }
        }
        catch (PlatformConfigurationException e)
        {
            await error.WriteLineAsync(e.Message);
            return Failed;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            // A database that cannot be reached or read: the reason, not a stack trace.
            await error.WriteLineAsync($"platform: {e.GetBaseException().Message}");
            return Failed;
        }
    }

    public static string Version =>
        typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private const string Help = """
        Usage: platform <command> [options] [--Key=value ...]

        Commands:
          --version                              Print the version.
          users reset-password <user> [--password <new>]
                                                 Set a new password (generated and printed when omitted)
                                                 and unlock the account.
          package apply <dir|file.zip> [--dry-run] [--mine ITEM,…] [--theirs ITEM,…]
                                                 Install or upgrade an app package folder; idempotent,
                                                 all or nothing. Creates the database when missing.
                                                 Items changed here are kept; where the package changed
                                                 them too, --theirs takes the package's.
          package samples <dir> [--as <user>]    Load the package's sample records (sample-data/*.json) as
                                                 that user (default admin), into an app with no records yet.
          package export <dir> [--name <name>] [--version <1.0.0>] [--records] [--settings]
                                                 Write the whole app as a package: entities, views, menus,
                                                 roles, reports, dashboards, print and scan templates,
                                                 workflows; --records adds the records as sample data,
                                                 --settings the company's details for printing.
          package uninstall <name> [--dry-run] [--remove-data --confirm <name>]
                                                 Uninstall an app with everything it brought; refused while
                                                 it has records, workflow instances or scan batches unless
                                                 --remove-data is given with its name after --confirm.
          backup <file.zip>                      Copy the SQLite database (online: the host may keep running)
                                                 and the uploaded files into one zip.
          restore <file.zip> [--replace]         Restore a backup into the data directory (stop the host
                                                 first); --replace moves a database that is there aside.
          files move --to disk|database [--dry-run]
                                                 Carry every uploaded file to the other store (streamed,
                                                 checked by hash; the hosts may keep running); --dry-run
                                                 only counts what would move.
          files sweep [--older-than 24h]         Remove uploads no record, import or scan batch holds.
          ocr recognize --template <T.json> --out <result.json> [--crops <dir>] [--workers <n>] <scans...>
                                                 Read scanned forms (PNG, JPEG, TIFF incl. multi-page,
                                                 PDF): one result per page, files in n worker processes
                                                 (default: one per core; 0: in this process). Exit 1 when
                                                 a page could not be read or aligned (the others are kept).
          ocr corpus --template <T.json> --count <n> --out <dir> [--seed <s>] [--mnist <dir> [--handwriting held-out]] [--more-mnist <dir> --handwriting new-writers] [--handwriting fonts]
                                                 Render a labelled synthetic corpus of filled, scanned
                                                 pages (ground truth beside each image).
          ocr blank --template <T.json> --out <form.png>
                                                 Render the printable blank form.
          ocr digit-samples --template <T.json> --mnist <dir> --part training|validation --pages <n> --seed <s> --out <file> [--more-mnist <dir>]
                                                 Digits cut by the engine from synthetic scans, as
                                                 training or validation examples for tools/digits/train.py.

        Options:
          --content-root <dir>                   Folder whose appsettings.json and App_Data are used
                                                 (default: the current folder).
          --Database:Provider=<name>             Sqlite | PostgreSql | SqlServer, as for the host.
          --ConnectionStrings:Platform=<cs>      Database connection string.
          --Platform:DataDirectory=<dir>         Data folder (default App_Data).

        """;
}
