namespace Grader.ServiceDefaults;

/// <summary>The <c>RabbitMq</c> configuration section (e.g. <c>RabbitMq__Host</c>, <c>RabbitMq__VirtualHost</c>).</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 25672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
