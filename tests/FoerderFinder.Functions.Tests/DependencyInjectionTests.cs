using System.Reflection;
using FoerderFinder.Functions.Storage;
using FoerderFinder.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FoerderFinder.Functions.Tests;

public sealed class DependencyInjectionTests
{
    public static TheoryData<Type> FunctionClasses()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(DependencyInjection).Assembly.GetExportedTypes()
                     .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null)))
        {
            data.Add(type);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void Every_function_class_can_be_created_from_the_app_registrations(Type functionClass)
    {
        using var scope = ResultExecution.Services.CreateScope();

        Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, functionClass));
    }

    [Fact]
    public void The_catalogue_cache_is_one_instance_for_the_app()
    {
        var services = ResultExecution.Services;

        Assert.Same(services.GetRequiredService<CatalogueCache>(), services.GetRequiredService<CatalogueCache>());
        Assert.IsType<TableCatalogueStore>(services.GetRequiredService<ICatalogueStore>());
    }

    [Fact]
    public void A_clock_registered_before_the_app_services_is_kept()
    {
        var clock = new FakeTimeProvider(Harness.Now);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        services.AddFoerderFinder(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CatalogueStorage"] = "UseDevelopmentStorage=true" })
            .Build());

        Assert.Same(clock, services.BuildServiceProvider().GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Missing_storage_connection_string_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddFoerderFinder(new ConfigurationBuilder().Build()));

        Assert.Contains(DependencyInjection.ConnectionStringName, error.Message);
    }
}
