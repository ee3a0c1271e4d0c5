namespace Platform.Ocr.Imaging;

/// <summary>A file or image the pipeline refuses, with a message that says why (not an image, truncated, too large…).</summary>
public sealed class ImageRejectedException(string message) : Exception(message);
