/// The version of Rehearse, as `rehearse --version` prints it.
public enum Version {
    public static let current = "0.1.0"
}
