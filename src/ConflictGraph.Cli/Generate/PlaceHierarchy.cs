using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Generate;

/// <summary>Country > regions > cities > sites, joined by LOCATED_IN.</summary>
internal static class PlaceHierarchy
{
    public sealed record Built(string CountryId, string Name, List<string> Cities, List<string> Sites);

    public static Built Add(BatchDraft draft, Dictionary<string, string> names, Random rng, int index)
    {
        var name = Vocabulary.PlaceName(rng);
        var code = $"c{index:D2}";
        var countryId = $"place:{code}-{Vocabulary.Slug(name)}";
        var (lat, lon) = (10 + rng.NextDouble() * 35, 20 + rng.NextDouble() * 40);
        draft.Place(countryId, name, PlaceKind.Country, lat, lon);
        names[countryId] = name;
        var cities = new List<string>();
        var sites = new List<string>();
        var regions = 3 + rng.Next(4);
        for (var r = 1; r <= regions; r++)
        {
            var regionName = $"{Vocabulary.PlaceName(rng)} Province";
            var regionId = $"place:{code}-r{r}-{Vocabulary.Slug(regionName)}";
            var (rLat, rLon) = (lat + Jitter(rng, 3), lon + Jitter(rng, 3));
            draft.Place(regionId, regionName, PlaceKind.Region, rLat, rLon);
            draft.Relate(RelationType.LocatedIn, regionId, countryId);
            names[regionId] = regionName;
            var cityCount = 2 + rng.Next(4);
            for (var c = 1; c <= cityCount; c++)
            {
                var cityName = Vocabulary.PlaceName(rng);
                var cityId = $"place:{code}-r{r}-c{c}-{Vocabulary.Slug(cityName)}";
                var (cLat, cLon) = (rLat + Jitter(rng, 1), rLon + Jitter(rng, 1));
                draft.Place(cityId, cityName, PlaceKind.City, cLat, cLon);
                draft.Relate(RelationType.LocatedIn, cityId, regionId);
                names[cityId] = cityName;
                cities.Add(cityId);
                var siteCount = 2 + rng.Next(3);
                for (var s = 1; s <= siteCount; s++)
                {
                    var siteName = $"{cityName} {Vocabulary.Pick(rng, Vocabulary.SiteKinds)}";
                    var siteId = $"place:{code}-r{r}-c{c}-s{s}-{Vocabulary.Slug(siteName)}";
                    draft.Place(siteId, siteName, PlaceKind.Site, cLat + Jitter(rng, 0.2), cLon + Jitter(rng, 0.2));
                    draft.Relate(RelationType.LocatedIn, siteId, cityId);
                    names[siteId] = siteName;
                    sites.Add(siteId);
                }
            }
        }
        return new Built(countryId, name, cities, sites);
    }

    private static double Jitter(Random rng, double degrees) => (rng.NextDouble() * 2 - 1) * degrees;
}
