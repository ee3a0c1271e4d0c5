using System.Diagnostics;
using Platform.Tests;

namespace Platform.Setup.Tests;

/// <summary>
/// The set-up both README commands run (<c>scripts/lib/setup.sh</c>), against stand-ins for apt-get,
/// dpkg, dotnet and npm on the PATH: it waits for another program's package lock instead of failing,
/// fails at once on any other apt error, and says what each step does and how long it took.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // the set-up is for Debian
public sealed class SetupScriptTests : IDisposable
{
    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("platform-setup-");

    private string Calls => Path.Combine(_bin.FullName, "calls.log");

    public SetupScriptTests()
    {
        Tool("sudo", "exec \"$@\"");
        Tool("dpkg", "exit 1"); // nothing installed
        Tool("dotnet", "echo \"dotnet $*\" >> \"$CALLS\"");
        Tool("npm", "echo \"npm $*\" >> \"$CALLS\"");
    }

    [Fact]
    public void A_package_lock_held_by_another_program_is_waited_for_once_said_and_the_install_then_runs()
    {
        AptFailsFirst(2, "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt)");

        var (status, output) = Run("ensure_debian_packages fonts-handwriting-x");

        Assert.Equal(0, status);
        Assert.Contains("setup: installing Debian packages: fonts-handwriting-x (usually 1–4 min)", output);
        Assert.Single(Lines(output), l => l.Contains("another program is installing packages (held by process 4242 (apt)); waiting", StringComparison.Ordinal));
        Assert.Contains("done in", output);
        Assert.Equal(["apt-get update", "apt-get update", "apt-get update", "apt-get install fonts-handwriting-x"], AptCalls());
    }

    [Fact]
    public void A_lock_still_held_when_the_wait_is_over_fails_naming_the_lock()
    {
        AptFailsFirst(100, "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 77 (apt-get)");

        var (status, output) = Run("ensure_debian_packages fonts-handwriting-x", ("PLATFORM_APT_WAIT_SECONDS", "2"), ("PLATFORM_APT_RETRY_SECONDS", "1"));

        Assert.NotEqual(0, status);
        Assert.Contains("the package lock was still held after 2 s", output);
        Assert.Contains("/var/lib/apt/lists/lock", output);
        Assert.Equal(3, AptCalls().Count);
    }

    [Fact]
    public void Any_other_apt_failure_stops_at_once_with_apts_own_message()
    {
        AptFailsFirst(100, "E: Unable to locate package fonts-handwriting-x");

        var (status, output) = Run("ensure_debian_packages fonts-handwriting-x");

        Assert.NotEqual(0, status);
        Assert.Contains("Unable to locate package fonts-handwriting-x", output);
        Assert.DoesNotContain("waiting", output);
        Assert.Single(AptCalls());
    }

    [Fact]
    public void Nothing_is_installed_when_every_package_is_there()
    {
        Tool("dpkg", "exit 0");
        AptFailsFirst(0, "");

        var (status, output) = Run("ensure_debian_packages fonts-handwriting-x");

        Assert.Equal(0, status);
        Assert.Empty(AptCalls());
        Assert.DoesNotContain("installing", output);
    }

    [Fact]
    public void Each_slow_step_says_what_it_does_how_long_it_usually_takes_and_how_long_it_took()
    {
        Tool("dpkg", "exit 0");

        var (status, output) = Run("platform_setup run");

        Assert.Equal(0, status);
        // How long a step took is whole seconds (a stand-in step may cross a second's edge): only its shape is fixed.
        var lines = Lines(output).Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"done in \d+ s$", "done in N s")).ToList();
        Assert.Equal(
            ["setup: restoring .NET tools and NuGet packages (first run about 1 min, then a few seconds)", "setup:   done in N s",
             "setup: installing the browser bundles' npm packages from their package-lock.json files (first run about 45 s)", "setup:   done in N s"],
            lines);
        // One npm ci per browser bundle: the designer's code editor, the workflow modeler, the report charts and the print template editor.
        Assert.Equal(["dotnet tool restore", "dotnet restore Platform.sln --verbosity quiet", "npm ci --no-audit --no-fund --loglevel=error",
            "npm ci --no-audit --no-fund --loglevel=error", "npm ci --no-audit --no-fund --loglevel=error", "npm ci --no-audit --no-fund --loglevel=error"], File.ReadAllLines(Calls));
    }

    /// <summary>An apt-get that fails <paramref name="times"/> times with <paramref name="error"/>, then succeeds; every call is logged.</summary>
    private void AptFailsFirst(int times, string error) => Tool("apt-get", $$"""
        args=""
        for a in "$@"; do case "$a" in -*|DPkg::*) ;; *) args="$args $a" ;; esac; done
        echo "apt-get$args" >> "$CALLS"
        n=$(grep -c '^apt-get' "$CALLS")
        if [ "$n" -le {{times}} ]; then echo "{{error}}" >&2; exit 100; fi
        exit 0
        """);

    private List<string> AptCalls() => File.Exists(Calls) ? [.. File.ReadAllLines(Calls).Where(l => l.StartsWith("apt-get", StringComparison.Ordinal))] : [];

    private static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private void Tool(string name, string body)
    {
        var path = Path.Combine(_bin.FullName, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private (int Status, string Output) Run(string command, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source scripts/lib/setup.sh && {command}"])
        {
            WorkingDirectory = RepositoryFolder.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{_bin.FullName}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["CALLS"] = Calls;
        start.Environment["PLATFORM_APT_RETRY_SECONDS"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the set-up did not finish in a minute");
        return (process.ExitCode, output.Result + errors.Result);
    }

    public void Dispose() => _bin.Delete(recursive: true);
}
