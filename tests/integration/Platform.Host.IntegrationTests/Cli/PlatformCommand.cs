using Platform.Cli;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Cli;

/// <summary>The <c>platform</c> command run in the test process: its exit code and what it printed on each stream.</summary>
internal static class PlatformCommand
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary><paramref name="args"/> pointed at <paramref name="database"/>, as a person would with settings on the command line.</summary>
    public static string[] On(TestDatabase database, params string[] args) =>
        [.. args, .. database.Settings().Select(s => $"--{s.Key}={s.Value}"), "--content-root", database.DataDirectory];
}
