import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// Where progress lives: `--data-dir`, else `$REHEARSE_HOME`, else `$XDG_DATA_HOME/rehearse`,
/// else `~/.local/share/rehearse`.
public enum DataDirectory {
    public static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let home = environment["REHEARSE_HOME"], !home.isEmpty { return home }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("rehearse")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/rehearse")
    }
}
