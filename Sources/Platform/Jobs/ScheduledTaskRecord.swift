import Fluent
import Foundation

/// When a recurring task next runs (`scheduled_tasks`); claimed by conditional update so one node runs it.
public final class ScheduledTaskRecord: Model, @unchecked Sendable {
    public static let schema = "scheduled_tasks"

    @ID(custom: "name", generatedBy: .user) public var id: String?
    @Field(key: "next_run_at") public var nextRunAt: Date
    @OptionalField(key: "last_run_at") public var lastRunAt: Date?

    public init() {}

    public init(name: String, nextRunAt: Date) {
        self.id = name
        self.nextRunAt = nextRunAt
    }
}
