import ArgumentParser

/// `briefing`: turns a template folder into a PDF briefing. Plain `briefing` runs `generate`.

struct BriefingCommand: ParsableCommand {
    static let version = "0.1.0"
    static let programName = "briefing \(version)"

    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Generate publication-quality PDF policy briefings from a data model.",
        version: version,
        subcommands: [
            Generate.self, NewCommand.self, CheckCommand.self, SectionsCommand.self, ChartCommand.self, ScheduleCommand.self,
            OutboxCommand.self, WatchCommand.self,
            RunJobCommand.self, EditionsCommand.self, DiffCommand.self, SiteCommand.self, DataCommand.self,
            DoctorCommand.self,
        ],
        defaultSubcommand: Generate.self
    )
}
