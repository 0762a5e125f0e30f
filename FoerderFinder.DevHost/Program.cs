using FoerderFinder.DevHost;

DevHostApp.Build(args).Run();
