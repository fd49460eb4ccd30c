/// The four states of a monitoring plugin (Nagios plugin guidelines; also
/// Icinga, Zabbix, Checkmk), which are also `imrf status`'s exit codes.
public enum MonitoringStatus: String, Sendable, Hashable, Codable, Comparable {
    case ok = "OK"
    case warning = "WARNING"
    case critical = "CRITICAL"
    case unknown = "UNKNOWN"

    /// 0, 1, 2, 3: what cron and the monitoring system read.
    public var exitCode: Int32 {
        switch self {
        case .ok: 0
        case .warning: 1
        case .critical: 2
        case .unknown: 3
        }
    }

    public static func < (lhs: MonitoringStatus, rhs: MonitoringStatus) -> Bool { lhs.exitCode < rhs.exitCode }
}
