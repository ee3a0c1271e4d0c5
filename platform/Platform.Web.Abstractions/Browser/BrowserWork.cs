using Microsoft.JSInterop;

namespace Platform.Web.Browser;

/// <summary>
/// Work a component starts in the browser after it rendered: loading a script, drawing a chart, a diagram or an editor into
/// its element. The person may leave the page while that runs (a script takes a moment to load on a slow line); the component
/// is then disposed and its element gone, and the browser refuses the work. That refusal is expected and dropped: left to
/// escape it would end the person's whole session, and the page they moved on to would stop answering.
/// </summary>
public static class BrowserWork
{
    /// <summary>Runs <paramref name="work"/>; a refusal after <paramref name="left"/> became true, or after the browser went away, is dropped.</summary>
    public static async Task UnlessLeftAsync(Func<bool> left, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone: so is everything drawn in it.
        }
        catch (Exception e) when (left() && e is JSException or OperationCanceledException or ObjectDisposedException)
        {
            // The page was left while its browser part was being drawn: there is nothing left to draw into.
        }
    }
}
