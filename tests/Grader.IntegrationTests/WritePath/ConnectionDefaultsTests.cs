using Grader.Data;

namespace Grader.IntegrationTests.WritePath;

/// <summary>
/// The services' data sources prepare the statements they repeat and skip <c>DISCARD ALL</c> unless the connection string
/// says otherwise. The check for "says otherwise" once used <c>NpgsqlConnectionStringBuilder.ContainsKey</c>, which is
/// true for every keyword Npgsql knows, so neither default was ever applied.
/// </summary>
public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_that_names_neither_setting_gets_auto_prepare_and_no_reset()
    {
        var settings = ConnectionDefaults.Builder("Host=127.0.0.1;Port=5432;Database=grader;Username=grader;Maximum Pool Size=40")
            .ConnectionStringBuilder;

        Assert.Equal(ConnectionDefaults.MaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;maxautoprepare=0;NoResetOnClose=false")]
    public void A_setting_the_connection_string_names_is_kept_as_given(string connectionString)
    {
        var settings = ConnectionDefaults.Builder(connectionString).ConnectionStringBuilder;

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }
}
