using System.CommandLine;
using Grader.Cli.Commands;

// grader check|show|grade: the offline grader, no servers needed; grader submit: post to a running service;
// grader keys: API keys in the service's database; grader webhooks listen: a receiver of the grade events.
// grader lti: LTI 1.3 platforms, the tool's signing keys and line items.
var root = new RootCommand("Grader: grade machine-learning homework against references computed by the engine.")
{
    CheckCommand.Create(),
    ShowCommand.Create(),
    GradeCommand.Create(),
    SubmitCommand.Create(),
    KeysCommand.Create(),
    WebhooksCommand.Create(),
    LtiCommand.Create(),
};
return root.Parse(args).Invoke();
