namespace Platform.Abstractions.Navigation;

/// <summary>Contributes menu entries; registered by a module with <c>services.AddNavigation&lt;T&gt;()</c>.</summary>
public interface INavigationProvider
{
    IEnumerable<NavigationItem> GetItems();
}
